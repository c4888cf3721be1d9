namespace Vms.Media.Sdp;

/// <summary>An <c>a=</c> line: a property attribute (<see cref="Value"/> null) or a value attribute.</summary>
public readonly record struct SdpAttributeLine(string Name, string? Value)
{
    /// <inheritdoc />
    public override string ToString() => Value is null ? Name : Name + ":" + Value;
}
