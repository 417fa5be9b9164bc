using Marketplace.Domain.Billing;

namespace Marketplace.Domain.Tests.Billing;

public sealed class AccountTextTests
{
    public static TheoryData<Account> Accounts() =>
    [
        Account.PlatformRevenue, Account.TaxPayable, Account.Refunds, Account.CustomerReceivable("org_c"),
        Account.GatewayClearing("offline"), Account.PartnerPending("org_p"), Account.PartnerPayable("org:with:colons"),
    ];

    [Theory]
    [MemberData(nameof(Accounts))]
    public void Every_account_reads_back_from_its_text(Account account) => Assert.Equal(account, Account.Parse(account.ToString()));

    [Theory]
    [InlineData("cash")]
    [InlineData("partner-payable")]
    [InlineData("partner-payable:")]
    [InlineData("platform-revenue:org_x")]
    public void Text_that_names_no_account_is_refused(string text) => Assert.Throws<FormatException>(() => Account.Parse(text));
}
