using System.Text.Json;
using Vms.Domain.Routing.Model;

namespace Vms.Domain.Routing.Json;

/// <summary>Reads one node object by its "type"; every problem located, null when it cannot be built.</summary>
internal static class NodeReader
{
    public static RouteNode? Read(JsonElement item, string pointer, List<RoutingProblem> problems)
    {
        var type = item.TryGetProperty("type", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString() : null;
        if (type is null || Array.IndexOf(JsonNames.NodeTypes, type) < 0)
        {
            problems.Add(new RoutingProblem(pointer + "/type", "node.type",
                $"'type' must be one of {string.Join(", ", JsonNames.NodeTypes)}."));
            return null;
        }

        return type switch
        {
            "time" => Time(item, pointer, problems),
            "caller" => Caller(item, pointer, problems),
            "called" => Called(item, pointer, problems),
            "split" => Split(item, pointer, problems),
            "menu" => Menu(item, pointer, problems),
            "forward" => Forward(item, pointer, problems),
            "announcement" => Announcement(item, pointer, problems),
            "agentGroup" => AgentGroup(item, pointer, problems),
            "voicemail" => Voicemail(item, pointer, problems),
            _ => Reject(item, pointer, problems),
        };
    }

    private static readonly string[] TimeProperties = ["id", "type", "label", "rules", "holiday", "otherwise"];
    private static readonly string[] CallerProperties = ["id", "type", "label", "rules", "otherwise"];
    private static readonly string[] CalledProperties = ["id", "type", "label", "rules", "otherwise"];
    private static readonly string[] SplitProperties = ["id", "type", "label", "branches"];
    private static readonly string[] MenuProperties = ["id", "type", "label", "prompt", "options", "timeoutSeconds", "maxRepeats", "onTimeout", "onInvalid"];
    private static readonly string[] ForwardProperties = ["id", "type", "label", "number", "lineType", "ringTimeoutSeconds", "presentedCli", "presentedNumber", "site", "maxCalls", "onBusy", "onNoAnswer", "onFailed", "onCapacity", "onSiteDown", "default"];
    private static readonly string[] AnnouncementProperties = ["id", "type", "label", "prompt", "next"];
    private static readonly string[] AgentGroupProperties = ["id", "type", "label", "group", "next"];
    private static readonly string[] VoicemailProperties = ["id", "type", "label", "mailbox", "greeting"];
    private static readonly string[] RejectProperties = ["id", "type", "label", "reason"];

    private static TimeNode? Time(JsonElement item, string pointer, List<RoutingProblem> problems)
    {
        var o = new JsonObjectReader(item, pointer, problems, TimeProperties);
        var rules = new List<TimeRule>();
        foreach (var (r, rp) in o.Array("rules"))
        {
            if (!JsonObjectReader.IsObject(r, rp, problems))
            {
                continue;
            }

            var ro = new JsonObjectReader(r, rp, problems, "label", "days", "from", "to", "dateFrom", "dateTo", "next");
            var days = new List<DayOfWeek>();
            foreach (var (d, dp) in ro.Array("days"))
            {
                if (d.ValueKind == JsonValueKind.String && JsonNames.Days.TryGetValue(d.GetString()!, out var day))
                {
                    days.Add(day);
                }
                else
                {
                    problems.Add(new RoutingProblem(dp, "json.enum", "A day is one of mon, tue, wed, thu, fri, sat, sun."));
                }
            }

            var label = ro.String("label");
            var from = ro.Time("from");
            var to = ro.Time("to");
            var dateFrom = ro.Date("dateFrom");
            var dateTo = ro.Date("dateTo");
            if (ro.String("next", required: true) is { } next)
            {
                rules.Add(new TimeRule
                {
                    Label = label, Days = days, From = from, To = to, DateFrom = dateFrom, DateTo = dateTo, Next = next,
                });
            }
        }

        var id = o.String("id", required: true);
        var nodeLabel = o.String("label");
        var holiday = o.String("holiday");
        var otherwise = o.String("otherwise", required: true);
        return id is null || otherwise is null
            ? null
            : new TimeNode { Id = id, Label = nodeLabel, Rules = rules, Holiday = holiday, Otherwise = otherwise };
    }

    private static CallerNode? Caller(JsonElement item, string pointer, List<RoutingProblem> problems)
    {
        var o = new JsonObjectReader(item, pointer, problems, CallerProperties);
        var rules = new List<CallerRule>();
        foreach (var (r, rp) in o.Array("rules"))
        {
            if (!JsonObjectReader.IsObject(r, rp, problems))
            {
                continue;
            }

            var ro = new JsonObjectReader(r, rp, problems,
                "label", "withheld", "prefixes", "countries", "zones", "lineType", "list", "next");
            var rule = new CallerRule
            {
                Label = ro.String("label"),
                Withheld = ro.Bool("withheld"),
                Prefixes = ro.Strings("prefixes"),
                Countries = ro.Strings("countries"),
                Zones = ro.Strings("zones"),
                LineType = ro.Enum("lineType", JsonNames.LineTypes),
                List = ro.String("list"),
                Next = ro.String("next", required: true) ?? string.Empty,
            };
            if (rule.Next.Length > 0)
            {
                rules.Add(rule);
            }
        }

        var id = o.String("id", required: true);
        var label = o.String("label");
        var otherwise = o.String("otherwise", required: true);
        return id is null || otherwise is null
            ? null
            : new CallerNode { Id = id, Label = label, Rules = rules, Otherwise = otherwise };
    }

    private static CalledNode? Called(JsonElement item, string pointer, List<RoutingProblem> problems)
    {
        var o = new JsonObjectReader(item, pointer, problems, CalledProperties);
        var rules = new List<CalledRule>();
        foreach (var (r, rp) in o.Array("rules"))
        {
            if (!JsonObjectReader.IsObject(r, rp, problems))
            {
                continue;
            }

            var ro = new JsonObjectReader(r, rp, problems, "label", "numbers", "next");
            var label = ro.String("label");
            var numbers = ro.Strings("numbers");
            if (ro.String("next", required: true) is { } next)
            {
                rules.Add(new CalledRule { Label = label, Numbers = numbers, Next = next });
            }
        }

        var id = o.String("id", required: true);
        var nodeLabel = o.String("label");
        var otherwise = o.String("otherwise", required: true);
        return id is null || otherwise is null
            ? null
            : new CalledNode { Id = id, Label = nodeLabel, Rules = rules, Otherwise = otherwise };
    }

    private static SplitNode? Split(JsonElement item, string pointer, List<RoutingProblem> problems)
    {
        var o = new JsonObjectReader(item, pointer, problems, SplitProperties);
        var branches = new List<SplitBranch>();
        foreach (var (b, bp) in o.Array("branches", required: true))
        {
            if (!JsonObjectReader.IsObject(b, bp, problems))
            {
                continue;
            }

            var bo = new JsonObjectReader(b, bp, problems, "label", "weight", "next");
            var label = bo.String("label");
            var weight = bo.Int("weight", 0, 1_000_000, required: true);
            var next = bo.String("next", required: true);
            if (weight is not null && next is not null)
            {
                branches.Add(new SplitBranch { Label = label, Weight = weight.Value, Next = next });
            }
        }

        var id = o.String("id", required: true);
        var nodeLabel = o.String("label");
        return id is null ? null : new SplitNode { Id = id, Label = nodeLabel, Branches = branches };
    }

    private static MenuNode? Menu(JsonElement item, string pointer, List<RoutingProblem> problems)
    {
        var o = new JsonObjectReader(item, pointer, problems, MenuProperties);
        var options = new List<MenuOption>();
        foreach (var (m, mp) in o.Array("options", required: true))
        {
            if (!JsonObjectReader.IsObject(m, mp, problems))
            {
                continue;
            }

            var mo = new JsonObjectReader(m, mp, problems, "label", "digit", "next");
            var label = mo.String("label");
            var digit = mo.String("digit", required: true);
            if (digit is not null && (digit.Length != 1 || !(char.IsAsciiDigit(digit[0]) || digit[0] is '*' or '#')))
            {
                mo.Problem("digit", "menu.digit", "'digit' must be one key: 0-9, * or #.");
                digit = null;
            }

            var next = mo.String("next", required: true);
            if (digit is not null && next is not null)
            {
                options.Add(new MenuOption { Label = label, Digit = digit[0], Next = next });
            }
        }

        var id = o.String("id", required: true);
        var nodeLabel = o.String("label");
        var prompt = o.String("prompt", required: true);
        var timeout = o.Int("timeoutSeconds", 1, 60) ?? 5;
        var repeats = o.Int("maxRepeats", 0, 9) ?? 2;
        var onTimeout = o.String("onTimeout");
        var onInvalid = o.String("onInvalid");
        return id is null || prompt is null
            ? null
            : new MenuNode
            {
                Id = id, Label = nodeLabel, Prompt = prompt, Options = options, TimeoutSeconds = timeout,
                MaxRepeats = repeats, OnTimeout = onTimeout, OnInvalid = onInvalid,
            };
    }

    private static ForwardNode? Forward(JsonElement item, string pointer, List<RoutingProblem> problems)
    {
        var o = new JsonObjectReader(item, pointer, problems, ForwardProperties);
        var node = new ForwardNode
        {
            Id = o.String("id", required: true) ?? string.Empty,
            Label = o.String("label"),
            Number = o.String("number", required: true) ?? string.Empty,
            LineType = o.Enum("lineType", JsonNames.LineTypes),
            RingTimeoutSeconds = o.Int("ringTimeoutSeconds", 5, 300) ?? 20,
            PresentedCli = o.Enum("presentedCli", JsonNames.PresentedCli) ?? PresentedCliKind.Caller,
            PresentedNumber = o.String("presentedNumber"),
            Site = o.String("site"),
            MaxCalls = o.Int("maxCalls", 1, 100_000),
            OnBusy = o.String("onBusy"),
            OnNoAnswer = o.String("onNoAnswer"),
            OnFailed = o.String("onFailed"),
            OnCapacity = o.String("onCapacity"),
            OnSiteDown = o.String("onSiteDown"),
            Default = o.String("default"),
        };
        return node.Id.Length == 0 || node.Number.Length == 0 ? null : node;
    }

    private static AnnouncementNode? Announcement(JsonElement item, string pointer, List<RoutingProblem> problems)
    {
        var o = new JsonObjectReader(item, pointer, problems, AnnouncementProperties);
        var id = o.String("id", required: true);
        var label = o.String("label");
        var prompt = o.String("prompt", required: true);
        var next = o.String("next");
        return id is null || prompt is null
            ? null
            : new AnnouncementNode { Id = id, Label = label, Prompt = prompt, Next = next };
    }

    private static AgentGroupNode? AgentGroup(JsonElement item, string pointer, List<RoutingProblem> problems)
    {
        var o = new JsonObjectReader(item, pointer, problems, AgentGroupProperties);
        var id = o.String("id", required: true);
        var label = o.String("label");
        var group = o.String("group", required: true);
        var next = o.String("next");
        return id is null || group is null
            ? null
            : new AgentGroupNode { Id = id, Label = label, Group = group, Next = next };
    }

    private static VoicemailNode? Voicemail(JsonElement item, string pointer, List<RoutingProblem> problems)
    {
        var o = new JsonObjectReader(item, pointer, problems, VoicemailProperties);
        var id = o.String("id", required: true);
        var label = o.String("label");
        var mailbox = o.String("mailbox", required: true);
        var greeting = o.String("greeting");
        return id is null || mailbox is null
            ? null
            : new VoicemailNode { Id = id, Label = label, Mailbox = mailbox, Greeting = greeting };
    }

    private static RejectNode? Reject(JsonElement item, string pointer, List<RoutingProblem> problems)
    {
        var o = new JsonObjectReader(item, pointer, problems, RejectProperties);
        var id = o.String("id", required: true);
        var label = o.String("label");
        var reason = o.Enum("reason", JsonNames.RejectReasons) ?? RejectReason.Busy;
        return id is null ? null : new RejectNode { Id = id, Label = label, Reason = reason };
    }
}
