using Vms.Domain.Tenancy;

namespace Vms.Domain.Tests.Tenancy;

public sealed class ServiceElementTests
{
    [Fact]
    public void ServiceElement_CoversEveryRowOfTheEntitlementMatrix() =>
        Assert.Equal(12, Enum.GetValues<ServiceElement>().Length);
}
