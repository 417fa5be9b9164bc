using Marketplace.Domain.Organizations;

namespace Marketplace.Grains.Users;

[GenerateSerializer, Alias("Marketplace.UserState")]
public sealed class UserState
{
    [Id(0)] public string? Id { get; set; }
    [Id(1)] public string DisplayName { get; set; } = "";
    [Id(2)] public string OrganizationId { get; set; } = "";
    [Id(3)] public MemberRole Role { get; set; }
    [Id(4)] public string PasswordHash { get; set; } = "";
    [Id(5)] public int FailedAttempts { get; set; }
    [Id(6)] public DateTimeOffset? LockedUntil { get; set; }
    [Id(7)] public DateTimeOffset CreatedAt { get; set; }
    [Id(8)] public bool Disabled { get; set; }

    public bool Exists => Id is not null;
}
