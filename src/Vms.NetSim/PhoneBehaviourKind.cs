namespace Vms.NetSim;

/// <summary>What a simulated destination phone does with an incoming call.</summary>
public enum PhoneBehaviourKind
{
    /// <summary>Rings, answers after a delay and plays a tone.</summary>
    Answer,

    /// <summary>486 Busy Here at once.</summary>
    Busy,

    /// <summary>Rings until cancelled.</summary>
    NoAnswer,

    /// <summary>Unreachable: a 5xx at once (503 by default).</summary>
    Unreachable,

    /// <summary>Answers, then sends DTMF keys (RFC 4733).</summary>
    AnswerAndSendDtmf,
}
