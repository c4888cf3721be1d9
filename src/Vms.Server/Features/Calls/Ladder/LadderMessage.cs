using System.Net;

namespace Vms.Server.Features.Calls.Ladder;

/// <summary>One SIP message seen by this node: when, which way, the peer, and the message text.</summary>
public sealed record LadderMessage(DateTimeOffset At, bool Outgoing, IPEndPoint Local, IPEndPoint Remote, string FirstLine, string Text);
