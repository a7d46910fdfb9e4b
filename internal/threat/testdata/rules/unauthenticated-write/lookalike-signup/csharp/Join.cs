using MediatR;

namespace Club.Members;

public class Join
{
    public record Command(string Handle, string Email, string Password) : IRequest<MemberEnvelope>;

    public class Handler(ClubContext db, IPasswordHasher hasher, ITokenIssuer tokens) : IRequestHandler<Command, MemberEnvelope>
    {
        public async Task<MemberEnvelope> Handle(Command request, CancellationToken ct)
        {
            var salt = Guid.NewGuid().ToByteArray();
            var member = new Member
            {
                Handle = request.Handle,
                Email = request.Email,
                Hash = hasher.Hash(request.Password, salt),
                Salt = salt,
            };
            await db.Members.AddAsync(member, ct);
            await db.SaveChangesAsync(ct);
            return new MemberEnvelope(member.Handle, tokens.CreateToken(member.Handle));
        }
    }
}
