'use client';
import { useEffect, useState } from 'react';

export default function Posts() {
  const [posts, setPosts] = useState<unknown[]>([]);
  useEffect(() => {
    fetch('/api/posts').then((r) => r.json()).then(setPosts);
  }, []);
  return <pre>{JSON.stringify(posts)}</pre>;
}
