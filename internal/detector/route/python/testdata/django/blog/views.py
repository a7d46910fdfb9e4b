from django.contrib.auth.decorators import login_required
from django.contrib.auth.mixins import LoginRequiredMixin
from django.http import HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, render
from django.views import View
from django.views.decorators.http import require_POST
from django.views.generic import CreateView, DetailView

from .models import Comment, Post


def index(request):
    return render(request, "blog/index.html", {"posts": Post.objects.all()})


class PostDetail(DetailView):
    model = Post


class PostCreate(LoginRequiredMixin, CreateView):
    model = Post
    fields = ["title", "body"]


def edit_post(request, slug):
    post = get_object_or_404(Post, slug=slug, author=request.user)
    return render(request, "blog/edit.html", {"post": post})


def archive(request, year):
    return JsonResponse({"year": year})


@require_POST
@login_required
def delete_comment(request, pk):
    get_object_or_404(Comment, pk=pk, author=request.user).delete()
    return HttpResponse(status=204)


class FeedView(View):
    def get(self, request):
        return HttpResponse("<rss/>", content_type="application/rss+xml")
