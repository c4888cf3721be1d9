using Vms.Domain.Routing.Json;
using Vms.Domain.Routing.Model;
using Vms.Domain.Routing.Numbers;
using Vms.Domain.Tenancy;

namespace Vms.Domain.Routing.Validation;

/// <summary>
/// Checks a tree before it may be published (TRM7): graph (ids, references, no cycle, no unreachable node), numbers
/// (valid national destinations), prompts, caller lists, entitlements (agent groups need ACM), dynamic branches of
/// every forward, and the content of each condition. Each problem carries the JSON pointer of its cause.
/// </summary>
public static class RoutingTreeValidator
{
    public static ValidationReport Validate(RoutingTree tree, ValidationOptions options)
    {
        var problems = new List<RoutingProblem>();
        if (tree.Nodes.Count > ValidationOptions.MaxNodes)
        {
            problems.Add(new RoutingProblem("/nodes", "tree.tooLarge", $"At most {ValidationOptions.MaxNodes} nodes."));
            return new ValidationReport(problems);
        }

        if (!TimeZoneInfo.TryFindSystemTimeZoneById(tree.TimeZone, out _))
        {
            problems.Add(new RoutingProblem("/timeZone", "timeZone.unknown", $"Unknown time zone '{tree.TimeZone}'."));
        }

        var sites = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < tree.Sites.Count; i++)
        {
            if (!GraphChecks.IsValidId(tree.Sites[i].Id) || !sites.Add(tree.Sites[i].Id))
            {
                problems.Add(new RoutingProblem($"/sites/{i}/id", "site.id",
                    "A site id is unique and made of 1 to 64 letters, digits, '-' or '_'."));
            }
        }

        GraphChecks.Check(tree, problems);
        for (var i = 0; i < tree.Nodes.Count; i++)
        {
            var at = $"/nodes/{i}";
            switch (tree.Nodes[i])
            {
                case TimeNode t:
                    CheckTime(t, at, problems);
                    break;
                case CallerNode c:
                    CheckCaller(c, at, options, problems);
                    break;
                case CalledNode c:
                    for (var r = 0; r < c.Rules.Count; r++)
                    {
                        if (c.Rules[r].Numbers.Count == 0)
                        {
                            problems.Add(new RoutingProblem($"{at}/rules/{r}/numbers", "rule.empty", "List at least one called number."));
                        }

                        for (var n = 0; n < c.Rules[r].Numbers.Count; n++)
                        {
                            if (!NumberAnalysis.TryE164(c.Rules[r].Numbers[n], out _))
                            {
                                problems.Add(new RoutingProblem($"{at}/rules/{r}/numbers/{n}", "number.invalid",
                                    $"'{c.Rules[r].Numbers[n]}' is not a valid phone number."));
                            }
                        }
                    }

                    break;
                case SplitNode s:
                    if (s.Branches.Count < 2 || s.Branches.Sum(b => (long)b.Weight) <= 0)
                    {
                        problems.Add(new RoutingProblem($"{at}/branches", "split.branches",
                            "A split needs at least two branches and a positive total weight."));
                    }

                    break;
                case MenuNode m:
                    CheckPrompt(m.Prompt, $"{at}/prompt", options, problems);
                    if (m.Options.Count == 0)
                    {
                        problems.Add(new RoutingProblem($"{at}/options", "menu.options", "A menu needs at least one option."));
                    }

                    for (var o = 0; o < m.Options.Count; o++)
                    {
                        if (m.Options.Take(o).Any(x => x.Digit == m.Options[o].Digit))
                        {
                            problems.Add(new RoutingProblem($"{at}/options/{o}/digit", "menu.duplicateDigit",
                                $"Key '{m.Options[o].Digit}' is used twice."));
                        }
                    }

                    break;
                case ForwardNode f:
                    ForwardChecks.Check(f, at, tree, sites, problems);
                    break;
                case AnnouncementNode a:
                    CheckPrompt(a.Prompt, $"{at}/prompt", options, problems);
                    break;
                case AgentGroupNode:
                    if (!options.Entitlements.Contains(ServiceElement.AgentContactManagement))
                    {
                        problems.Add(new RoutingProblem(at, "entitlement.acm",
                            "Agent groups need Agent Contact Management (ACM): order the ACM option to use them."));
                    }

                    break;
                case VoicemailNode v:
                    if (v.Greeting is not null)
                    {
                        CheckPrompt(v.Greeting, $"{at}/greeting", options, problems);
                    }

                    break;
                default:
                    break;
            }
        }

        return new ValidationReport(problems);
    }

    private static void CheckPrompt(string prompt, string at, ValidationOptions options, List<RoutingProblem> problems)
    {
        if (options.KnownPrompts is { } known && !known.Contains(prompt))
        {
            problems.Add(new RoutingProblem(at, "prompt.missing", $"Prompt '{prompt}' has not been uploaded."));
        }
    }

    private static void CheckTime(TimeNode t, string at, List<RoutingProblem> problems)
    {
        for (var r = 0; r < t.Rules.Count; r++)
        {
            var rule = t.Rules[r];
            if ((rule.From is null) != (rule.To is null))
            {
                problems.Add(new RoutingProblem($"{at}/rules/{r}", "time.range", "Give both 'from' and 'to', or neither."));
            }
            else if (rule.From is { } from && from == rule.To)
            {
                problems.Add(new RoutingProblem($"{at}/rules/{r}/to", "time.range", "'from' and 'to' must differ."));
            }

            if (rule.DateFrom is { } df && rule.DateTo is { } dt && df > dt)
            {
                problems.Add(new RoutingProblem($"{at}/rules/{r}/dateTo", "time.dates", "'dateTo' is before 'dateFrom'."));
            }
        }
    }

    private static void CheckCaller(CallerNode c, string at, ValidationOptions options, List<RoutingProblem> problems)
    {
        for (var r = 0; r < c.Rules.Count; r++)
        {
            var rule = c.Rules[r];
            var rp = $"{at}/rules/{r}";
            for (var p = 0; p < rule.Prefixes.Count; p++)
            {
                if (NumberAnalysis.NormalisePrefix(rule.Prefixes[p]) is null)
                {
                    problems.Add(new RoutingProblem($"{rp}/prefixes/{p}", "prefix.invalid",
                        $"'{rule.Prefixes[p]}' is not a number prefix (digits, optionally after + or 0)."));
                }
            }

            for (var n = 0; n < rule.Countries.Count; n++)
            {
                if (!NumberAnalysis.IsKnownRegion(rule.Countries[n]))
                {
                    problems.Add(new RoutingProblem($"{rp}/countries/{n}", "country.unknown",
                        $"'{rule.Countries[n]}' is not an ISO country code such as BE, NL or FR."));
                }
            }

            for (var z = 0; z < rule.Zones.Count; z++)
            {
                var zone = rule.Zones[z].TrimStart('0');
                if (zone.Length is 0 or > 3 || !zone.All(char.IsAsciiDigit))
                {
                    problems.Add(new RoutingProblem($"{rp}/zones/{z}", "zone.invalid",
                        $"'{rule.Zones[z]}' is not a Belgian zone such as 02, 03, 09 or 050."));
                }
            }

            if (rule.List is { } list && options.KnownCallerLists is { } lists && !lists.Contains(list))
            {
                problems.Add(new RoutingProblem($"{rp}/list", "list.missing", $"Caller list '{list}' does not exist."));
            }
        }
    }
}
