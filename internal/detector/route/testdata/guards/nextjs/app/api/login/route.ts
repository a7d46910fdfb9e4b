export async function POST(request: Request) { // want: POST /api/login auth=none
  const { email, password } = await request.json();
  const user = await findUser(email);
  if (!user || !(await verifyPassword(password, user.hash))) {
    return Response.json({ error: 'wrong email or password' }, { status: 401 });
  }
  return Response.json({ token: await issueToken(user) });
}
