using System.Globalization;

namespace Vms.NetSim;

/// <summary>A destination phone's behaviour, e.g. "answer:2", "busy", "noanswer", "unreachable:503", "dtmf:1".</summary>
public sealed record PhoneBehaviour(PhoneBehaviourKind Kind)
{
    public TimeSpan AnswerAfter { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Hang up this long after answering (zero: wait for the other side).</summary>
    public TimeSpan HangUpAfter { get; init; }

    public int Status { get; init; } = 503;

    public string Digits { get; init; } = "";

    public double ToneHertz { get; init; } = 440;

    public static PhoneBehaviour Answering(double seconds = 1) => new(PhoneBehaviourKind.Answer) { AnswerAfter = TimeSpan.FromSeconds(seconds) };

    /// <summary>Parses "answer[:seconds]", "busy", "noanswer", "unreachable[:status]", "dtmf:digits"; null when unknown.</summary>
    public static PhoneBehaviour? Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var parts = text.Split(':', 2);
        var arg = parts.Length > 1 ? parts[1] : null;
        return parts[0].ToLowerInvariant() switch
        {
            "answer" => Answering(arg is null ? 1 : double.Parse(arg, CultureInfo.InvariantCulture)),
            "busy" => new PhoneBehaviour(PhoneBehaviourKind.Busy),
            "noanswer" => new PhoneBehaviour(PhoneBehaviourKind.NoAnswer),
            "unreachable" => new PhoneBehaviour(PhoneBehaviourKind.Unreachable) { Status = arg is null ? 503 : int.Parse(arg, CultureInfo.InvariantCulture) },
            "dtmf" => new PhoneBehaviour(PhoneBehaviourKind.AnswerAndSendDtmf) { Digits = arg ?? "1" },
            _ => null,
        };
    }

    /// <summary>The demo network's phones: one number per behaviour.</summary>
    public static IReadOnlyDictionary<string, PhoneBehaviour> DemoPhones { get; } = new Dictionary<string, PhoneBehaviour>(StringComparer.Ordinal)
    {
        ["+32470000001"] = Answering(2),
        ["+32470000002"] = new(PhoneBehaviourKind.Busy),
        ["+32470000003"] = new(PhoneBehaviourKind.NoAnswer),
        ["+32470000004"] = new(PhoneBehaviourKind.Unreachable),
        ["+32470000005"] = new(PhoneBehaviourKind.AnswerAndSendDtmf) { Digits = "1" },
    };
}
