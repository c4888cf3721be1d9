using Vms.Domain.Tenancy;

namespace Vms.Domain.Tests.Tenancy;

public sealed class ContractTermsTests
{
    [Fact]
    public void Validate_ClassicWithAcmAndRecording_IsValid() =>
        Assert.Empty(ContractTerms.Validate(Formula.Classic, [ServiceElement.AgentContactManagement, ServiceElement.VoiceRecording]));

    [Fact]
    public void Validate_RecordingOnDrs_IsRefusedNamingClassic()
    {
        var error = Assert.Single(ContractTerms.Validate(Formula.Drs, [ServiceElement.VoiceRecording]));
        Assert.Equal("options", error.Field);
        Assert.Contains("not available on DRS", error.Message, StringComparison.Ordinal);
        Assert.Contains("Classic", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_MobileAppAsOptionOnVoiceContinuity_IsRefusedAsIncluded()
    {
        var error = Assert.Single(ContractTerms.Validate(Formula.VoiceContinuity, [ServiceElement.MobileApp]));
        Assert.Contains("already included", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_MobileAppOnClassic_IsRefused() =>
        Assert.Single(ContractTerms.Validate(Formula.Classic, [ServiceElement.MobileApp]));

    [Fact]
    public void Validate_TwoBadOptions_ReportsBoth() =>
        Assert.Equal(2, ContractTerms.Validate(Formula.Outbound, [ServiceElement.AgentContactManagement, ServiceElement.VoiceRecording]).Count);

    [Fact]
    public void Validate_EveryFormulaWithEveryOption_AcceptsExactlyTheOptCells()
    {
        foreach (var formula in Enum.GetValues<Formula>())
        {
            foreach (var element in Enum.GetValues<ServiceElement>())
            {
                var valid = ContractTerms.Validate(formula, [element]).Count == 0;
                Assert.Equal(EntitlementMatrix.Get(formula, element) == Entitlement.Optional, valid);
            }
        }
    }

    [Fact]
    public void OptionBits_RoundTrip_KeepsTheSet()
    {
        var terms = new ContractTerms(Formula.Classic, new HashSet<ServiceElement> { ServiceElement.VoiceRecording, ServiceElement.StandardChanges });
        Assert.Equal(terms.Options.Order(), ContractTerms.FromBits(terms.OptionBits).Order());
    }
}
