using System.Globalization;
using System.Text;

namespace Vms.Domain.Benchmarks;

/// <summary>Generated trees for the routing benchmarks.</summary>
public static class BenchTrees
{
    /// <summary>
    /// A valid 200-node tree: time root → 64 chained caller nodes (each with a prefix rule and a zone rule that a
    /// Brussels caller does not match, and two leaves) → 50/50 split → office (no answer → mobile → voicemail).
    /// A Monday 10:00 call from Brussels crosses 67 decision nodes and two forwards.
    /// </summary>
    public static string Large()
    {
        var nodes = new List<string>
        {
            """{ "id": "t", "type": "time", "rules": [ { "days": ["mon","tue","wed","thu","fri"], "from": "08:00", "to": "18:00", "next": "c0" } ], "holiday": "closed", "otherwise": "closed" }""",
            """{ "id": "closed", "type": "announcement", "prompt": "closed" }""",
            """{ "id": "s", "type": "split", "branches": [ { "weight": 50, "next": "office" }, { "weight": 50, "next": "office2" } ] }""",
            """{ "id": "office", "type": "forward", "number": "+3222345678", "onBusy": "busy", "onNoAnswer": "mobile", "onFailed": "mobile", "maxCalls": 10, "onCapacity": "busy" }""",
            """{ "id": "office2", "type": "forward", "number": "+3222345679", "onBusy": "busy", "onNoAnswer": "mobile", "onFailed": "mobile" }""",
            """{ "id": "mobile", "type": "forward", "number": "+32475123456", "default": "vm" }""",
            """{ "id": "busy", "type": "announcement", "prompt": "busy" }""",
            """{ "id": "vm", "type": "voicemail", "mailbox": "main" }""",
        };
        for (var i = 0; i < 64; i++)
        {
            var next = i == 63 ? "s" : $"c{i + 1}";
            nodes.Add(string.Create(CultureInfo.InvariantCulture,
                $$"""{ "id": "c{{i}}", "type": "caller", "rules": [ { "prefixes": ["+3299{{i}}"], "next": "a{{i}}" }, { "zones": ["04"], "lineType": "fixed", "next": "f{{i}}" } ], "otherwise": "{{next}}" }"""));
            nodes.Add(string.Create(CultureInfo.InvariantCulture, $$"""{ "id": "a{{i}}", "type": "announcement", "prompt": "p{{i}}" }"""));
            nodes.Add(string.Create(CultureInfo.InvariantCulture,
                $$"""{ "id": "f{{i}}", "type": "forward", "number": "+32475{{100000 + i}}", "default": "vm" }"""));
        }

        return $$"""{ "schemaVersion": 1, "name": "large", "root": "t", "nodes": [ {{string.Join(",\n", nodes)}} ] }""";
    }

    /// <summary>A typical small customer tree (8 nodes), varied per index so that no two are equal.</summary>
    public static string Small(int index)
    {
        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $$"""
        { "schemaVersion": 1, "name": "tree {{index}}", "root": "hours", "sites": [ { "id": "hq", "maxCalls": 5 } ], "nodes": [
          { "id": "hours", "type": "time", "rules": [ { "days": ["mon","tue","wed","thu","fri"], "from": "08:00", "to": "18:00", "next": "origin" } ], "holiday": "closed", "otherwise": "closed" },
          { "id": "origin", "type": "caller", "rules": [ { "withheld": true, "next": "reject" } ], "otherwise": "office" },
          { "id": "office", "type": "forward", "number": "+3222{{(index % 900000) + 100000}}", "site": "hq", "onBusy": "busyMsg", "onNoAnswer": "mobile", "onFailed": "mobile", "onCapacity": "busyMsg", "onSiteDown": "mobile" },
          { "id": "mobile", "type": "forward", "number": "+32475{{(index % 900000) + 100000}}", "default": "voicemail" },
          { "id": "busyMsg", "type": "announcement", "prompt": "busy" },
          { "id": "closed", "type": "announcement", "prompt": "closed" },
          { "id": "reject", "type": "reject" },
          { "id": "voicemail", "type": "voicemail", "mailbox": "main" } ] }
        """);
        return sb.ToString();
    }
}
