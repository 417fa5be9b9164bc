using Marketplace.Abstractions.Partners;
using Marketplace.Portal.Layout;

namespace Marketplace.Portal.Tests;

/// <summary>The portal talks to the backend only through the mediator (DESIGN.md): it never names Orleans or a grain.</summary>
public sealed class ArchitectureTests
{
    [Fact]
    public void The_portal_references_no_Orleans_or_grain_type()
    {
        var found = GrainReferences.In(typeof(PortalTheme).Assembly);

        Assert.True(found.Count == 0,
            "The portal names Orleans or grain types; send a request through the mediator instead:" + Environment.NewLine + string.Join(Environment.NewLine, found));
    }

    [Fact]
    public void The_check_finds_Orleans_and_grain_types_named_in_fields_signatures_bodies_and_attributes()
    {
        var found = GrainReferences.In(typeof(ArchitectureTests).Assembly);

        Assert.Contains("Orleans.IGrainFactory (an Orleans type)", found);
        Assert.Contains("Marketplace.Abstractions.Partners.IPartnerGrain (a grain type)", found);
        Assert.Contains("Orleans.IClusterClient (an Orleans type)", found);
        Assert.Contains("Marketplace.Abstractions.Partners.IPartnerGrain (a grain type, in an attribute)", found);
    }

    /// <summary>What a page that reached past the mediator would compile to; the test above must see all of it.</summary>
    [AttributeUsage(AttributeTargets.Class)]
    private sealed class NamesAttribute(Type type) : Attribute
    {
        public Type Type { get; } = type;
    }

    [Names(typeof(IPartnerGrain))]
    private sealed class ReachesPastTheMediator(IGrainFactory grains)
    {
        public IPartnerGrain Partner(string id) => grains.GetGrain<IPartnerGrain>(id);

        public static bool IsClient(object service) => service is IClusterClient;
    }
}
