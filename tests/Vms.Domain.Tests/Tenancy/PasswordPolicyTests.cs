using Vms.Domain.Identity;

namespace Vms.Domain.Tests.Tenancy;

public sealed class PasswordPolicyTests
{
    [Fact]
    public void Check_LongVariedPassword_IsAccepted() => Assert.Empty(PasswordPolicy.Check("correct horse battery", "alice"));

    [Fact]
    public void Check_ShortPasswordContainingUserName_GivesBothReasons() => Assert.Equal(2, PasswordPolicy.Check("alice1", "alice").Count);

    [Fact]
    public void Check_Missing_IsRefused() => Assert.Single(PasswordPolicy.Check(null, "alice"));

    [Fact]
    public void StandardProfiles_EveryCustomer_HasTheThreeBgcProfiles() =>
        Assert.Equal(3, StandardProfiles.ForCustomer.Count(p => p.Kind == ProfileKind.OperatorSupport && p.Name.StartsWith("BGC-", StringComparison.Ordinal)));
}
