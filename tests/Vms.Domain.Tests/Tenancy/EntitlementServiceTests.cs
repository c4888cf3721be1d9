using Vms.Domain.Tenancy;

namespace Vms.Domain.Tests.Tenancy;

public sealed class EntitlementServiceTests
{
    private static readonly DateTimeOffset T0 = new(2026, 1, 5, 9, 0, 0, TimeSpan.Zero);

    private static ContractVersionInfo Version(int n, Formula formula, DateTimeOffset from, params ServiceElement[] options) =>
        new(n, new ContractTerms(formula, options.ToHashSet()), from);

    [Fact]
    public void Check_IncludedElement_IsAvailable() =>
        Assert.True(EntitlementService.Check([Version(1, Formula.Drs, T0)], ServiceElement.TrafficRoutingManagement, T0).IsAvailable);

    [Fact]
    public void Check_OptionNotOrdered_NamesTheOptionToOrder()
    {
        var answer = EntitlementService.Check([Version(1, Formula.Classic, T0)], ServiceElement.VoiceRecording, T0);
        Assert.False(answer.IsAvailable);
        Assert.Equal("Order the option \"Voice recording\".", answer.WhatToOrder);
    }

    [Fact]
    public void Check_OptionOrdered_IsAvailable() =>
        Assert.True(EntitlementService.Check([Version(1, Formula.Classic, T0, ServiceElement.VoiceRecording)], ServiceElement.VoiceRecording, T0).IsAvailable);

    [Fact]
    public void Check_ElementOutsideFormula_NamesTheFormulasOffering()
    {
        var answer = EntitlementService.Check([Version(1, Formula.Classic, T0)], ServiceElement.MobileApp, T0);
        Assert.False(answer.IsAvailable);
        Assert.Contains("Voice Continuity", answer.WhatToOrder, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_NoContract_IsRefused() =>
        Assert.False(EntitlementService.Check([], ServiceElement.TrafficRoutingManagement, T0).IsAvailable);

    [Fact]
    public void Check_NewVersionInForce_UsesTheLatestStartedVersion()
    {
        var history = new[] { Version(1, Formula.Classic, T0), Version(2, Formula.Classic, T0.AddDays(10), ServiceElement.VoiceRecording) };
        Assert.False(EntitlementService.Check(history, ServiceElement.VoiceRecording, T0.AddDays(9)).IsAvailable);
        Assert.True(EntitlementService.Check(history, ServiceElement.VoiceRecording, T0.AddDays(10)).IsAvailable);
    }

    [Fact]
    public void Check_ContractEnded_IsRefused()
    {
        var ended = new ContractVersionInfo(1, new ContractTerms(Formula.Drs, new HashSet<ServiceElement>()), T0, T0.AddDays(1));
        Assert.False(EntitlementService.Check([ended], ServiceElement.TrafficRoutingManagement, T0.AddDays(2)).IsAvailable);
    }
}
