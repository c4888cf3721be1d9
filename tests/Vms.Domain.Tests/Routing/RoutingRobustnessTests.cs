using System.Text;
using Vms.Domain.Routing.Evaluation;
using Vms.Domain.Routing.Json;
using Vms.Domain.Routing.Validation;

namespace Vms.Domain.Tests.Routing;

/// <summary>Bad input never throws: every truncation and byte corruption of a tree gives a result with a reason.</summary>
public class RoutingRobustnessTests
{
    [Fact]
    public void Read_EveryTruncationAndCorruption_NeverThrows()
    {
        var bytes = Encoding.UTF8.GetBytes(TestTrees.Menu);
        var random = new Random(5);
        var failures = 0;
        for (var length = 0; length < bytes.Length; length += 3)
        {
            failures += Check(bytes.AsSpan(0, length).ToArray()) ? 0 : 1;
        }

        for (var i = 0; i < 2000; i++)
        {
            var copy = (byte[])bytes.Clone();
            var noise = "{}[]\",:0a- \u00ff";
            copy[random.Next(copy.Length)] = (byte)noise[random.Next(noise.Length)];
            failures += Check(copy) ? 0 : 1;
        }

        Assert.True(failures > 0, "corruptions should be detected");
    }

    private static bool Check(byte[] json)
    {
        var read = RoutingTreeJson.Read(json);
        if (read.Tree is null)
        {
            Assert.NotEmpty(read.Problems);
            return false;
        }

        var report = RoutingTreeValidator.Validate(read.Tree, ValidationOptions.StructureOnly);
        var compiled = RoutePlanCompiler.Compile(read.Tree);
        if (compiled.Plan is { } plan)
        {
            var route = RouteEvaluation.Start(plan, TestTrees.Call("2026-11-30T09:00:00Z", "+3222345678"));
            for (var i = 0; i < 10 && !route.IsFinished; i++)
            {
                route.Next(StepOutcome.Key('2'));
            }
        }

        return report.IsValid;
    }
}
