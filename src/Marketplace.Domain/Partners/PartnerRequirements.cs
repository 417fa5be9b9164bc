namespace Marketplace.Domain.Partners;

/// <summary>
/// What must be in place before an application may be submitted. Each missing item is named so
/// the onboarding wizard can show a checklist and the API can say exactly what is missing.
/// </summary>
public static class PartnerRequirements
{
    public static IReadOnlyList<string> MissingForSubmission(
        PartnerProfile? profile, AgreementAcceptance? agreement, IReadOnlyCollection<PartnerDocument> documents)
    {
        var missing = new List<string>();
        if (profile is null)
        {
            missing.Add("profile: complete the company profile");
        }
        else if (profile.Kinds.Count == 0)
        {
            missing.Add("profile.kinds: choose at least one partner kind");
        }
        if (agreement?.Version != PartnerAgreement.CurrentVersion)
        {
            missing.Add($"agreement: accept partner agreement version {PartnerAgreement.CurrentVersion}");
        }
        if (documents.Count == 0)
        {
            missing.Add("documents: upload at least one compliance document");
        }
        return missing;
    }
}
