namespace Marketplace.Domain.Vocabulary;

/// <summary>What metered usage counts: the dimension of a usage-priced order line and of each usage record sent for it.</summary>
public static class UsageUnits
{
    public const string Inference = "inference";
    public const string Token = "token";

    public static Vocabulary All { get; } = new("unit", new(Inference, "Inferences"), new(Token, "Tokens"));
}
