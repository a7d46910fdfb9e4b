import urllib.request

from django.utils.safestring import mark_safe
from rest_framework import generics, viewsets
from rest_framework.decorators import action
from rest_framework.response import Response

from api.models import Note, Profile
from api.serializers import NoteSerializer, ProfileSerializer


class ProfileViewSet(viewsets.ModelViewSet):
    queryset = Profile.objects.all()
    serializer_class = ProfileSerializer

    @action(detail=True, methods=["post"])
    def avatar(self, request, pk=None):
        url = request.data["url"]
        with urllib.request.urlopen(url) as r:  # want: ssrf via=body
            return Response({"size": len(r.read())})

    @action(detail=False, methods=["post"])
    def bulk(self, request):
        profile = Profile.objects.create(**request.data)  # want: mass-assignment via=body
        return Response({"id": profile.id})

    @action(detail=False, methods=["post"])
    def checked(self, request):
        serializer = ProfileSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        profile = Profile.objects.create(**serializer.validated_data)
        return Response({"id": profile.id})


class NoteList(generics.ListCreateAPIView):
    queryset = Note.objects.all()
    serializer_class = NoteSerializer

    def list(self, request):
        title = request.query_params.get("title", "")
        return Response({"html": mark_safe("<h2>" + title + "</h2>")})  # want: xss via=query


class NoteSearch(generics.ListAPIView):
    serializer_class = NoteSerializer

    def get_queryset(self):
        # The framework calls this hook for GET: self.request is the request.
        order = self.request.query_params.get("order", "id")
        return Note.objects.raw("SELECT * FROM api_note ORDER BY %s" % order)  # want: sql-injection via=query

    def get_serializer_context(self):
        # Lookalike: the value is bound as a parameter.
        title = self.request.query_params.get("title", "")
        return {"notes": Note.objects.raw("SELECT * FROM api_note WHERE title = %s", [title])}


class NoteExport(generics.GenericAPIView):
    def post(self, request):
        fmt = self.request.data["fmt"]

        def run():
            # A closure the handler defines and calls: fmt is captured.
            return urllib.request.urlopen("http" + fmt)  # want: ssrf via=body

        run()
        fixed = lambda: urllib.request.urlopen("https://example.com/" + fmt)
        fixed()
        return Response({})
