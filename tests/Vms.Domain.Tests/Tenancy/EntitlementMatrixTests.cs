using Vms.Domain.Tenancy;

namespace Vms.Domain.Tests.Tenancy;

public sealed class EntitlementMatrixTests
{
    // REQUIREMENTS F2, row by row: Classic, DRS, VC, Outbound (D = DEF, O = OPT, - = not available).
    [Theory]
    [InlineData(ServiceElement.TrafficRoutingManagement, "DDD-")]
    [InlineData(ServiceElement.AgentContactManagement, "OOO-")]
    [InlineData(ServiceElement.OutboundCampaigns, "---D")]
    [InlineData(ServiceElement.VoiceRecording, "O---")]
    [InlineData(ServiceElement.StatisticsPortal, "O--O")]
    [InlineData(ServiceElement.MobileApp, "--D-")]
    [InlineData(ServiceElement.ConfigurationAndActivation, "DDDD")]
    [InlineData(ServiceElement.ServiceDesk, "DDDD")]
    [InlineData(ServiceElement.StandardChanges, "OOOO")]
    [InlineData(ServiceElement.SelfConfiguration, "DDDD")]
    [InlineData(ServiceElement.IncidentWindow, "DDDD")]
    [InlineData(ServiceElement.ChangeWindow, "-DD-")]
    public void Get_EveryCell_MatchesF2(ServiceElement element, string row)
    {
        Formula[] formulas = [Formula.Classic, Formula.Drs, Formula.VoiceContinuity, Formula.Outbound];
        for (var i = 0; i < formulas.Length; i++)
        {
            var expected = row[i] switch { 'D' => Entitlement.Included, 'O' => Entitlement.Optional, _ => Entitlement.NotAvailable };
            Assert.Equal(expected, EntitlementMatrix.Get(formulas[i], element));
        }
    }

    [Fact]
    public void OptionsOf_Classic_AreAcmRecordingStatisticsStandardChanges() =>
        Assert.Equal(
            [ServiceElement.AgentContactManagement, ServiceElement.VoiceRecording, ServiceElement.StatisticsPortal, ServiceElement.StandardChanges],
            EntitlementMatrix.OptionsOf(Formula.Classic));

    [Fact]
    public void FormulasOffering_MobileApp_IsVoiceContinuityOnly() =>
        Assert.Equal([Formula.VoiceContinuity], EntitlementMatrix.FormulasOffering(ServiceElement.MobileApp));
}
