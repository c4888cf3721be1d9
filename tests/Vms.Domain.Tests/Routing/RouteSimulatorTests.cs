using Vms.Domain.Routing.Evaluation;
using Vms.Domain.Routing.Simulation;

namespace Vms.Domain.Tests.Routing;

public class RouteSimulatorTests
{
    [Fact]
    public void Simulate_SaturdayCall_ClosedAnnouncement()
    {
        var plan = TestTrees.Compile(TestTrees.Office);

        var result = RouteSimulator.Simulate(plan, new SimulationRequest
        {
            Caller = "+3292345678", Called = "+3222110000", LocalTime = new DateTime(2026, 11, 28, 14, 5, 0),
        });

        Assert.Equal(["Play:closed", "HangUp:closed"], result.Steps.Select(s => $"{s.Kind}:{s.NodeId}"));
        Assert.Equal(EndReason.HungUp, result.End);
        Assert.Contains(result.Explanation, l => l.Contains("Sat 2026-11-28 14:05", StringComparison.Ordinal));
    }

    [Fact]
    public void Simulate_MondayNoAnswer_GoesToMobile()
    {
        var plan = TestTrees.Compile(TestTrees.Office);

        var result = RouteSimulator.Simulate(plan, new SimulationRequest
        {
            Caller = "092345678", Called = "+3222110000", LocalTime = new DateTime(2026, 11, 30, 10, 0, 0),
            ForwardOutcomes = new Dictionary<string, OutcomeKind> { ["office"] = OutcomeKind.NoAnswer },
        });

        Assert.Equal(["Forward:office", "Forward:mobile"], result.Steps.Select(s => $"{s.Kind}:{s.NodeId}"));
        Assert.Equal(EndReason.Connected, result.End);
        Assert.Contains(result.Explanation, l => l.Contains("no answer → 'mobile'", StringComparison.Ordinal));
    }

    [Fact]
    public void Simulate_WithOtherPhrases_StepsAndExplanationUseThemAndTheirCulture()
    {
        var plan = TestTrees.Compile(TestTrees.Office);
        var phrases = ExplanationPhrases.English with
        {
            Culture = System.Globalization.CultureInfo.GetCultureInfo("fr-BE"),
            NoAnswer = "pas de réponse",
            StepForward = "Renvoi vers {0} ({1} s, {2})",
        };

        var result = RouteSimulator.Simulate(plan, new SimulationRequest
        {
            Caller = "092345678", Called = "+3222110000", LocalTime = new DateTime(2026, 11, 30, 10, 0, 0),
            ForwardOutcomes = new Dictionary<string, OutcomeKind> { ["office"] = OutcomeKind.NoAnswer },
        }, phrases);

        Assert.StartsWith("Renvoi vers +32", result.Steps[0].Description, StringComparison.Ordinal);
        Assert.Contains(result.Explanation, l => l.Contains("pas de réponse → 'mobile'", StringComparison.Ordinal));
        Assert.Contains(result.Explanation, l => l.Contains("lun. 2026-11-30 10:00", StringComparison.Ordinal));
        Assert.DoesNotContain(result.Explanation, l => l.Contains("no answer", StringComparison.Ordinal));
    }

    [Fact]
    public void Simulate_DigitsAndAssumedState_Used()
    {
        var plan = TestTrees.Compile(TestTrees.Office);

        var siteDown = RouteSimulator.Simulate(plan, new SimulationRequest
        {
            Caller = "092345678", Called = "+3222110000", LocalTime = new DateTime(2026, 11, 30, 10, 0, 0),
            SitesDown = new HashSet<string> { "hq" },
        });
        var full = RouteSimulator.Simulate(plan, new SimulationRequest
        {
            Caller = "092345678", Called = "+3222110000", LocalTime = new DateTime(2026, 11, 30, 10, 0, 0),
            FullDestinations = new HashSet<string> { "office" },
        });
        var menu = RouteSimulator.Simulate(TestTrees.Compile(TestTrees.Menu), new SimulationRequest
        {
            Caller = "0475123456", Called = "+3222110000", LocalTime = new DateTime(2026, 11, 30, 10, 0, 0),
            Digits = ["9", "2"],
        });

        Assert.Equal("mobile", siteDown.Steps[0].NodeId);
        Assert.Equal("busyMsg", full.Steps[0].NodeId);
        Assert.Equal(["menu", "menu", "supportMobile", "operator"], menu.Steps.Select(s => s.NodeId));
    }

    [Fact]
    public void Simulate_TimeInSpringGap_TakesHourAfter()
    {
        var plan = TestTrees.Compile(TestTrees.Office);

        var result = RouteSimulator.Simulate(plan, new SimulationRequest
        {
            Called = "+3222110000", LocalTime = new DateTime(2026, 3, 29, 2, 30, 0),
        });

        Assert.Contains(result.Explanation, l => l.Contains("03:30", StringComparison.Ordinal));
    }

    [Fact]
    public void Simulate_DateOutOfRange_ProblemNotException()
    {
        var plan = TestTrees.Compile(TestTrees.Office);

        var result = RouteSimulator.Simulate(plan, new SimulationRequest { Called = "+3222110000", LocalTime = default });

        Assert.Empty(result.Steps);
        Assert.NotNull(result.Problem);
    }
}
