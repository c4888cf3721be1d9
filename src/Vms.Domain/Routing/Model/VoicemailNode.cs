namespace Vms.Domain.Routing.Model;

/// <summary>Takes a voice message into a mailbox, optionally after a greeting prompt.</summary>
public sealed record VoicemailNode : RouteNode
{
    public override string Type => "voicemail";

    public required string Mailbox { get; init; }

    public string? Greeting { get; init; }

    public override IEnumerable<NodeReference> References() => [];
}
