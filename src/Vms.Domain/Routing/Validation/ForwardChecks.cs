using Vms.Domain.Routing.Json;
using Vms.Domain.Routing.Model;
using Vms.Domain.Routing.Numbers;

namespace Vms.Domain.Routing.Validation;

/// <summary>A forward's destination, presented CLI, site and dynamic branches (TRM3).</summary>
internal static class ForwardChecks
{
    public static void Check(ForwardNode f, string at, RoutingTree tree, HashSet<string> sites,
        List<RoutingProblem> problems)
    {
        if (!NumberAnalysis.TryNationalDestination(f.Number, out _, out var type))
        {
            problems.Add(new RoutingProblem($"{at}/number", "number.invalid",
                $"'{f.Number}' is not a valid Belgian fixed or mobile number."));
        }
        else if (f.LineType is { } declared && declared != type)
        {
            problems.Add(new RoutingProblem($"{at}/number", "number.lineType",
                $"'{f.Number}' is not a {declared.ToString().ToLowerInvariant()} number."));
        }

        if (f.PresentedCli == PresentedCliKind.Number && !NumberAnalysis.TryNationalDestination(f.PresentedNumber, out _, out _))
        {
            problems.Add(new RoutingProblem($"{at}/presentedNumber", "number.invalid",
                "With presentedCli 'number', give a valid Belgian number to present."));
        }

        RoutingSite? site = null;
        if (f.Site is not null)
        {
            site = tree.Sites.FirstOrDefault(s => s.Id == f.Site);
            if (site is null || !sites.Contains(f.Site))
            {
                problems.Add(new RoutingProblem($"{at}/site", "reference.missing", $"Site '{f.Site}' does not exist."));
            }
        }

        if (f.Default is not null)
        {
            return;
        }

        Require(f.OnBusy, "onBusy", "busy");
        Require(f.OnNoAnswer, "onNoAnswer", "no answer");
        Require(f.OnFailed, "onFailed", "unreachable/failed");
        if (f.MaxCalls is not null || site?.MaxCalls is not null)
        {
            Require(f.OnCapacity, "onCapacity", "capacity reached");
        }

        if (f.Site is not null)
        {
            Require(f.OnSiteDown, "onSiteDown", "site down");
        }

        void Require(string? branch, string name, string what)
        {
            if (branch is null)
            {
                problems.Add(new RoutingProblem($"{at}/{name}", "forward.branchMissing",
                    $"Forward '{f.Id}' has no '{what}' branch and no 'default'."));
            }
        }
    }
}
