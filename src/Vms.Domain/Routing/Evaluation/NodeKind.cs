namespace Vms.Domain.Routing.Evaluation;

/// <summary>The kind of a compiled node.</summary>
public enum NodeKind : byte
{
    Time,
    Caller,
    Called,
    Split,
    Menu,
    Forward,
    Announcement,
    AgentGroup,
    Voicemail,
    Reject,
}
