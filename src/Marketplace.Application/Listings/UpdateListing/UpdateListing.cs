using System.Text.Json.Serialization;
using Marketplace.Abstractions.Listings;
using Marketplace.Application.Catalog;
using Marketplace.Application.Common.Security;
using Marketplace.Application.Listings.Input;
using Marketplace.Application.Partners;
using Mediator;

namespace Marketplace.Application.Listings.UpdateListing;

/// <summary>
/// The owning partner edits its listing. A draft or rejected version changes in place (a rejected
/// one becomes a draft again); a published listing gets a new draft version, leaving the published
/// one as it is. <see cref="Version"/> picks the new version number (default: next minor).
/// </summary>
public sealed record UpdateListing : ListingInput, ICommand<ListingSnapshot>, IAuthorizedRequest
{
    [JsonIgnore]
    public string ListingId { get; init; } = "";

    public string? Version { get; init; }

    Access IAuthorizedRequest.Access => Access.Listing(ListingId, operatorMay: false);
}

public sealed class UpdateListingValidator : ListingInputValidator<UpdateListing>
{
    public UpdateListingValidator(IndustryCatalog industries)
        : base(industries)
    {
    }
}

public sealed class UpdateListingHandler(IGrainFactory grains, ICallerAccessor callers) : ICommandHandler<UpdateListing, ListingSnapshot>
{
    public async ValueTask<ListingSnapshot> Handle(UpdateListing command, CancellationToken cancellationToken) =>
        await grains.GetGrain<IListingGrain>(command.ListingId).UpdateAsync(
            command.ToContent(), string.IsNullOrWhiteSpace(command.Version) ? null : command.Version.Trim(),
            Actors.Describe(await callers.GetCallerAsync(cancellationToken)));
}
