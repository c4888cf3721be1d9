using BenchmarkDotNet.Attributes;
using Vms.Domain.Routing.Evaluation;
using Vms.Domain.Routing.Json;
using Vms.Domain.Routing.Numbers;
using Vms.Domain.Routing.Validation;

namespace Vms.Domain.Benchmarks;

/// <summary>One evaluation of a 200-node tree: start, forward no answer, forward answered (target ≥ 1 M/s, 0 B).</summary>
[ShortRunJob]
[MemoryDiagnoser]
public class EvaluationBenchmarks
{
    private CompiledPlan _plan = null!;
    private CompiledPlan _small = null!;
    private CallContext _context;
    private RouteEvaluation _route = null!;

    [GlobalSetup]
    public void Setup()
    {
        var tree = RoutingTreeJson.Read(BenchTrees.Large()).Tree
            ?? throw new InvalidOperationException("bench tree does not parse");
        var report = RoutingTreeValidator.Validate(tree, ValidationOptions.StructureOnly);
        if (!report.IsValid || tree.Nodes.Count != 200)
        {
            throw new InvalidOperationException($"bench tree invalid: {string.Join("; ", report.Problems)}");
        }

        _plan = RoutePlanCompiler.Compile(tree).Plan!;
        _context = new CallContext(new DateTimeOffset(2026, 11, 30, 9, 0, 0, TimeSpan.Zero),
            NumberAnalysis.AnalyseCaller("+3222345000"), "+3222110000") { Random = new Random(7) };
        _small = RoutePlanCompiler.Compile(RoutingTreeJson.Read(BenchTrees.Small(1)).Tree!).Plan!;
        _route = RouteEvaluation.Start(_plan, _context);
        if (Evaluate() != EndReason.Connected || _route.Trace.Length < 67)
        {
            throw new InvalidOperationException("bench call does not take the long path");
        }
    }

    [Benchmark]
    public EndReason Evaluate()
    {
        _route.Restart(_plan, _context);
        _route.Next(StepOutcome.NoAnswer);
        return _route.Next(StepOutcome.Answered).EndReason;
    }

    /// <summary>The common case: an 8-node office tree (time → caller → forward no answer → mobile answered).</summary>
    [Benchmark]
    public EndReason EvaluateSmallTree()
    {
        _route.Restart(_small, _context);
        _route.Next(StepOutcome.NoAnswer);
        return _route.Next(StepOutcome.Answered).EndReason;
    }

    [Benchmark]
    public CallerInfo AnalyseCaller() => NumberAnalysis.AnalyseCaller("+3222345000");
}
