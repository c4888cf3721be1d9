using System.Globalization;
using System.Text.Json;
using Vms.Domain.Routing.Model;

namespace Vms.Domain.Routing.Json;

/// <summary>Writes a routing tree as JSON (the export format; <see cref="RoutingTreeJson.Read(ReadOnlySpan{byte})"/> reads it back).</summary>
public static class RoutingTreeWriter
{
    public static byte[] Write(RoutingTree tree, bool indented = true)
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = indented }))
        {
            w.WriteStartObject();
            w.WriteNumber("schemaVersion", RoutingTreeJson.SchemaVersion);
            Opt(w, "name", tree.Name);
            w.WriteString("timeZone", tree.TimeZone);
            w.WriteString("holidays", JsonNames.Name(JsonNames.Calendars, tree.Holidays));
            if (tree.ClosingDays.Count > 0)
            {
                w.WriteStartArray("closingDays");
                foreach (var day in tree.ClosingDays)
                {
                    w.WriteStringValue(Date(day));
                }

                w.WriteEndArray();
            }

            w.WriteString("root", tree.Root);
            if (tree.Sites.Count > 0)
            {
                w.WriteStartArray("sites");
                foreach (var site in tree.Sites)
                {
                    w.WriteStartObject();
                    w.WriteString("id", site.Id);
                    Opt(w, "name", site.Name);
                    Opt(w, "maxCalls", site.MaxCalls);
                    w.WriteEndObject();
                }

                w.WriteEndArray();
            }

            w.WriteStartArray("nodes");
            foreach (var node in tree.Nodes)
            {
                WriteNode(w, node);
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        return stream.ToArray();
    }

    public static string WriteString(RoutingTree tree, bool indented = true) =>
        System.Text.Encoding.UTF8.GetString(Write(tree, indented));

    /// <summary>One node alone as compact JSON (used by the diff).</summary>
    public static string WriteNode(RouteNode node)
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream))
        {
            WriteNode(w, node);
        }

        return System.Text.Encoding.UTF8.GetString(stream.ToArray());
    }

    private static void WriteNode(Utf8JsonWriter w, RouteNode node)
    {
        w.WriteStartObject();
        w.WriteString("id", node.Id);
        w.WriteString("type", node.Type);
        Opt(w, "label", node.Label);
        switch (node)
        {
            case TimeNode t:
                w.WriteStartArray("rules");
                foreach (var r in t.Rules)
                {
                    w.WriteStartObject();
                    Opt(w, "label", r.Label);
                    if (r.Days.Count > 0)
                    {
                        w.WriteStartArray("days");
                        foreach (var d in r.Days)
                        {
                            w.WriteStringValue(JsonNames.Name(JsonNames.Days, d));
                        }

                        w.WriteEndArray();
                    }

                    Opt(w, "from", Time(r.From));
                    Opt(w, "to", Time(r.To));
                    Opt(w, "dateFrom", r.DateFrom is { } df ? Date(df) : null);
                    Opt(w, "dateTo", r.DateTo is { } dt ? Date(dt) : null);
                    w.WriteString("next", r.Next);
                    w.WriteEndObject();
                }

                w.WriteEndArray();
                Opt(w, "holiday", t.Holiday);
                w.WriteString("otherwise", t.Otherwise);
                break;
            case CallerNode c:
                w.WriteStartArray("rules");
                foreach (var r in c.Rules)
                {
                    w.WriteStartObject();
                    Opt(w, "label", r.Label);
                    if (r.Withheld is { } withheld)
                    {
                        w.WriteBoolean("withheld", withheld);
                    }

                    Strings(w, "prefixes", r.Prefixes);
                    Strings(w, "countries", r.Countries);
                    Strings(w, "zones", r.Zones);
                    Opt(w, "lineType", r.LineType is { } lt ? JsonNames.Name(JsonNames.LineTypes, lt) : null);
                    Opt(w, "list", r.List);
                    w.WriteString("next", r.Next);
                    w.WriteEndObject();
                }

                w.WriteEndArray();
                w.WriteString("otherwise", c.Otherwise);
                break;
            case CalledNode c:
                w.WriteStartArray("rules");
                foreach (var r in c.Rules)
                {
                    w.WriteStartObject();
                    Opt(w, "label", r.Label);
                    Strings(w, "numbers", r.Numbers);
                    w.WriteString("next", r.Next);
                    w.WriteEndObject();
                }

                w.WriteEndArray();
                w.WriteString("otherwise", c.Otherwise);
                break;
            case SplitNode s:
                w.WriteStartArray("branches");
                foreach (var b in s.Branches)
                {
                    w.WriteStartObject();
                    Opt(w, "label", b.Label);
                    w.WriteNumber("weight", b.Weight);
                    w.WriteString("next", b.Next);
                    w.WriteEndObject();
                }

                w.WriteEndArray();
                break;
            case MenuNode m:
                w.WriteString("prompt", m.Prompt);
                w.WriteStartArray("options");
                foreach (var o in m.Options)
                {
                    w.WriteStartObject();
                    Opt(w, "label", o.Label);
                    w.WriteString("digit", o.Digit.ToString());
                    w.WriteString("next", o.Next);
                    w.WriteEndObject();
                }

                w.WriteEndArray();
                w.WriteNumber("timeoutSeconds", m.TimeoutSeconds);
                w.WriteNumber("maxRepeats", m.MaxRepeats);
                Opt(w, "onTimeout", m.OnTimeout);
                Opt(w, "onInvalid", m.OnInvalid);
                break;
            case ForwardNode f:
                w.WriteString("number", f.Number);
                Opt(w, "lineType", f.LineType is { } flt ? JsonNames.Name(JsonNames.LineTypes, flt) : null);
                w.WriteNumber("ringTimeoutSeconds", f.RingTimeoutSeconds);
                w.WriteString("presentedCli", JsonNames.Name(JsonNames.PresentedCli, f.PresentedCli));
                Opt(w, "presentedNumber", f.PresentedNumber);
                Opt(w, "site", f.Site);
                Opt(w, "maxCalls", f.MaxCalls);
                Opt(w, "onBusy", f.OnBusy);
                Opt(w, "onNoAnswer", f.OnNoAnswer);
                Opt(w, "onFailed", f.OnFailed);
                Opt(w, "onCapacity", f.OnCapacity);
                Opt(w, "onSiteDown", f.OnSiteDown);
                Opt(w, "default", f.Default);
                break;
            case AnnouncementNode a:
                w.WriteString("prompt", a.Prompt);
                Opt(w, "next", a.Next);
                break;
            case AgentGroupNode g:
                w.WriteString("group", g.Group);
                Opt(w, "next", g.Next);
                break;
            case VoicemailNode v:
                w.WriteString("mailbox", v.Mailbox);
                Opt(w, "greeting", v.Greeting);
                break;
            case RejectNode r:
                w.WriteString("reason", JsonNames.Name(JsonNames.RejectReasons, r.Reason));
                break;
            default:
                throw new InvalidOperationException($"Unknown node type {node.GetType().Name}.");
        }

        w.WriteEndObject();
    }

    private static string Date(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string? Time(TimeOnly? time) => time is not { } t
        ? null
        : t == TimeOnly.MaxValue ? "24:00" : t.ToString("HH:mm", CultureInfo.InvariantCulture);

    private static void Opt(Utf8JsonWriter w, string name, string? value)
    {
        if (value is not null)
        {
            w.WriteString(name, value);
        }
    }

    private static void Opt(Utf8JsonWriter w, string name, int? value)
    {
        if (value is { } v)
        {
            w.WriteNumber(name, v);
        }
    }

    private static void Strings(Utf8JsonWriter w, string name, IReadOnlyList<string> values)
    {
        if (values.Count == 0)
        {
            return;
        }

        w.WriteStartArray(name);
        foreach (var v in values)
        {
            w.WriteStringValue(v);
        }

        w.WriteEndArray();
    }
}
