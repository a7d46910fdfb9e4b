from django.db import models


# Reference records: a code beside the name, no relation, no contact.
# Their full_name names a language or a licence, not a person, so
# neither they nor what points at them is anyone's data.
class Language(models.Model):
    short_name = models.CharField(max_length=2)
    full_name = models.CharField(max_length=40)
    full_name_en = models.CharField(max_length=40)


class Licence(models.Model):
    full_name = models.CharField(max_length=60)
    short_name = models.CharField(max_length=15)
    url = models.URLField(blank=True)


class Term(models.Model):
    language = models.ForeignKey(Language, on_delete=models.CASCADE)
    licence = models.ForeignKey(Licence, on_delete=models.CASCADE)
    word = models.CharField(max_length=100)


# Lookalikes: a person's model with a code of its own (a referral code)
# keeps its e-mail, and one with a name and no code stays a person's.
class Reader(models.Model):  # want: asset user-data Reader email,full_name
    full_name = models.CharField(max_length=100)
    code = models.CharField(max_length=8)
    email = models.EmailField()


class Author(models.Model):  # want: asset user-data Author full_name
    full_name = models.CharField(max_length=100)
    website = models.URLField(blank=True)
