namespace Vms.E2E.Tests.Infrastructure;

[CollectionDefinition(Name)]
public sealed class PortalTests : ICollectionFixture<PortalFixture>
{
    public const string Name = "portal";
}
