using Vms.Domain.Routing.Json;
using Vms.Domain.Routing.Model;
using Vms.Domain.Routing.Numbers;
using Vms.Domain.Routing.Validation;

namespace Vms.Domain.Routing.Evaluation;

/// <summary>
/// Compiles a routing tree into a <see cref="CompiledPlan"/>. It re-checks only what evaluation depends on (ids,
/// references, no cycle, time zone); full validation (<see cref="RoutingTreeValidator"/>) happens before publishing.
/// Numbers are normalised cheaply (no libphonenumber) so that a whole snapshot compiles fast.
/// </summary>
public static class RoutePlanCompiler
{
    public static CompileResult Compile(RoutingTree tree, Guid customerId = default)
    {
        var problems = new List<RoutingProblem>();
        var index = GraphChecks.Check(tree, problems);
        problems.RemoveAll(p => p.Code == "graph.unreachable");
        if (!TimeZoneInfo.TryFindSystemTimeZoneById(tree.TimeZone, out var zone))
        {
            problems.Add(new RoutingProblem("/timeZone", "timeZone.unknown", $"Unknown time zone '{tree.TimeZone}'."));
        }

        if (problems.Count > 0 || zone is null)
        {
            return new CompileResult(null, problems);
        }

        var builder = new Builder(tree, index);
        var nodes = new CompiledNode[tree.Nodes.Count];
        for (var i = 0; i < nodes.Length; i++)
        {
            nodes[i] = builder.Node(tree.Nodes[i]);
        }

        var closing = tree.ClosingDays.Select(d => d.DayNumber).Distinct().Order().ToArray();
        var plan = new CompiledPlan(tree, customerId, zone, index[tree.Root], nodes, [.. builder.Rules],
            [.. builder.Strings], closing);
        return new CompileResult(plan, problems);
    }

    private sealed class Builder(RoutingTree tree, Dictionary<string, int> index)
    {
        public List<CompiledRule> Rules { get; } = [];

        public List<string> Strings { get; } = [];

        public CompiledNode Node(RouteNode node)
        {
            var start = Rules.Count;
            switch (node)
            {
                case TimeNode t:
                    foreach (var r in t.Rules)
                    {
                        Rules.Add(TimeRule(r));
                    }

                    return new CompiledNode
                    {
                        Kind = NodeKind.Time, RuleStart = start, RuleCount = t.Rules.Count, Next = Ref(t.Otherwise),
                        Alt1 = Ref(t.Holiday), Alt2 = -1, Alt3 = -1, Alt4 = -1, Alt5 = -1, Site = -1,
                    };
                case CallerNode c:
                    foreach (var r in c.Rules)
                    {
                        Rules.Add(CallerRule(r));
                    }

                    return Conditional(NodeKind.Caller, start, c.Rules.Count, c.Otherwise);
                case CalledNode c:
                    foreach (var r in c.Rules)
                    {
                        var numbers = Add(r.Numbers.Select(NumberAnalysis.NormalisePrefix).OfType<string>());
                        Rules.Add(new CompiledRule
                        {
                            Target = Ref(r.Next), PrefixStart = numbers.Start, PrefixCount = numbers.Count, Withheld = -1,
                        });
                    }

                    return Conditional(NodeKind.Called, start, c.Rules.Count, c.Otherwise);
                case SplitNode s:
                    var total = 0;
                    foreach (var b in s.Branches)
                    {
                        total += Math.Max(0, b.Weight);
                        Rules.Add(new CompiledRule { Target = Ref(b.Next), CumulativeWeight = total, Withheld = -1 });
                    }

                    return Conditional(NodeKind.Split, start, s.Branches.Count, null) with { Int1 = total };
                case MenuNode m:
                    foreach (var o in m.Options)
                    {
                        Rules.Add(new CompiledRule { Target = Ref(o.Next), Digit = o.Digit, Withheld = -1 });
                    }

                    return Conditional(NodeKind.Menu, start, m.Options.Count, null) with
                    {
                        Alt1 = Ref(m.OnTimeout), Alt2 = Ref(m.OnInvalid), Int1 = m.TimeoutSeconds,
                        Int2 = m.MaxRepeats, Text = m.Prompt,
                    };
                case ForwardNode f:
                    return new CompiledNode
                    {
                        Kind = NodeKind.Forward, Next = Ref(f.Default), Alt1 = Ref(f.OnBusy), Alt2 = Ref(f.OnNoAnswer),
                        Alt3 = Ref(f.OnFailed), Alt4 = Ref(f.OnCapacity), Alt5 = Ref(f.OnSiteDown),
                        Text = NumberAnalysis.NormalisePrefix(f.Number) ?? f.Number,
                        Text2 = NumberAnalysis.NormalisePrefix(f.PresentedNumber), Cli = f.PresentedCli,
                        Int1 = f.RingTimeoutSeconds, Int2 = f.MaxCalls ?? 0,
                        Site = f.Site is null ? -1 : IndexOfSite(f.Site),
                    };
                case AnnouncementNode a:
                    return Conditional(NodeKind.Announcement, start, 0, a.Next) with { Text = a.Prompt };
                case AgentGroupNode g:
                    return Conditional(NodeKind.AgentGroup, start, 0, g.Next) with { Text = g.Group };
                case VoicemailNode v:
                    return Conditional(NodeKind.Voicemail, start, 0, null) with { Text = v.Mailbox, Text2 = v.Greeting };
                case RejectNode r:
                    return Conditional(NodeKind.Reject, start, 0, null) with { Int1 = (int)r.Reason };
                default:
                    throw new InvalidOperationException($"Unknown node type {node.GetType().Name}.");
            }
        }

        private CompiledNode Conditional(NodeKind kind, int start, int count, string? next) => new()
        {
            Kind = kind, RuleStart = start, RuleCount = count, Next = Ref(next),
            Alt1 = -1, Alt2 = -1, Alt3 = -1, Alt4 = -1, Alt5 = -1, Site = -1,
        };

        private int IndexOfSite(string id)
        {
            for (var i = 0; i < tree.Sites.Count; i++)
            {
                if (tree.Sites[i].Id == id)
                {
                    return i;
                }
            }

            return -1;
        }

        private int Ref(string? id) => id is not null && index.TryGetValue(id, out var i) ? i : -1;

        private (int Start, int Count) Add(IEnumerable<string> values)
        {
            var start = Strings.Count;
            Strings.AddRange(values);
            return (start, Strings.Count - start);
        }

        private CompiledRule TimeRule(TimeRule r)
        {
            byte mask = 0;
            foreach (var d in r.Days)
            {
                mask |= (byte)(1 << (int)d);
            }

            return new CompiledRule
            {
                Target = Ref(r.Next),
                DaysMask = mask == 0 ? (byte)0x7F : mask,
                FromMinute = r.From is { } from ? Minutes(from) : -1,
                ToMinute = r.To is { } to ? Minutes(to) : -1,
                DateFrom = r.DateFrom?.DayNumber ?? int.MinValue,
                DateTo = r.DateTo?.DayNumber ?? int.MaxValue,
                Withheld = -1,
            };
        }

        private CompiledRule CallerRule(CallerRule r)
        {
            var prefixes = Add(r.Prefixes.Select(NumberAnalysis.NormalisePrefix).OfType<string>());
            var countries = Add(r.Countries.Select(c => c.ToUpperInvariant()));
            var zones = Add(r.Zones.Select(z => z.TrimStart('0')));
            return new CompiledRule
            {
                Target = Ref(r.Next),
                Withheld = r.Withheld switch { null => -1, true => 1, false => 0 },
                LineType = r.LineType ?? LineType.Unknown,
                PrefixStart = prefixes.Start, PrefixCount = prefixes.Count,
                CountryStart = countries.Start, CountryCount = countries.Count,
                ZoneStart = zones.Start, ZoneCount = zones.Count,
                Prefix1 = prefixes.Count == 1 ? Strings[prefixes.Start] : null,
                Zone1 = zones.Count == 1 ? Strings[zones.Start] : null,
                List = r.List,
            };
        }

        private static int Minutes(TimeOnly t) => t == TimeOnly.MaxValue ? 1440 : (t.Hour * 60) + t.Minute;
    }
}
