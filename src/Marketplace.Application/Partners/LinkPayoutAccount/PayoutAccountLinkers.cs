using Marketplace.Abstractions.Errors;
using Marketplace.Domain.Money;
using Marketplace.Domain.Partners;

namespace Marketplace.Application.Partners.LinkPayoutAccount;

/// <summary>What a partner gives to be paid; each provider reads the fields it needs.</summary>
public sealed record PayoutDetails(string Provider, string AccountHolder, string? Iban, string? AccountNumber, string? RoutingCode, string Currency, string? PortalBaseUrl = null);

/// <summary>
/// One way of paying partners. Bank transfer is built in; Stripe Connect plugs in with billing
/// (a connector implementing this interface), without the partner flow changing.
/// </summary>
public interface IPayoutAccountLinker
{
    string Provider { get; }

    Task<PayoutAccount> LinkAsync(string organizationId, PayoutDetails details, CancellationToken cancellationToken);
}

/// <summary>Bank transfer: checks the IBAN (ISO 13616 mod-97) or account number and keeps only a masked reference.</summary>
public sealed class BankTransferPayoutLinker(TimeProvider time) : IPayoutAccountLinker
{
    public string Provider => "bank-transfer";

    public Task<PayoutAccount> LinkAsync(string organizationId, PayoutDetails details, CancellationToken cancellationToken)
    {
        string reference;
        if (!string.IsNullOrWhiteSpace(details.Iban))
        {
            var iban = new string(details.Iban.Where(c => !char.IsWhiteSpace(c)).ToArray()).ToUpperInvariant();
            if (!IsValidIban(iban))
            {
                throw new RequestValidationException("iban", "The IBAN is not valid (checksum or format).");
            }
            reference = Mask(iban);
        }
        else if (!string.IsNullOrWhiteSpace(details.AccountNumber) && details.AccountNumber.All(c => char.IsDigit(c) || c == '-') && details.AccountNumber.Count(char.IsDigit) is >= 6 and <= 34)
        {
            reference = Mask(details.AccountNumber);
        }
        else
        {
            throw new RequestValidationException("iban", "Give an IBAN, or an account number of 6 to 34 digits.");
        }
        if (!Currency.IsSupported(details.Currency))
        {
            throw new RequestValidationException("currency", $"The currency must be one of {string.Join(", ", Currency.Supported)}.");
        }
        return Task.FromResult(new PayoutAccount(Provider, details.AccountHolder.Trim(), reference, details.Currency, "Linked", time.GetUtcNow()));
    }

    public static bool IsValidIban(string iban)
    {
        if (iban.Length is < 15 or > 34 || !char.IsLetter(iban[0]) || !char.IsLetter(iban[1]) || !iban.All(char.IsLetterOrDigit))
        {
            return false;
        }
        var rearranged = iban[4..] + iban[..4];
        var remainder = 0;
        foreach (var c in rearranged)
        {
            var value = char.IsDigit(c) ? c - '0' : c - 'A' + 10;
            remainder = value >= 10 ? (remainder * 100 + value) % 97 : (remainder * 10 + value) % 97;
        }
        return remainder == 1;
    }

    private static string Mask(string value) => "••••" + value[^4..];
}
