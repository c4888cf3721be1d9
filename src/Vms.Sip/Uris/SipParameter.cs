namespace Vms.Sip.Uris;

/// <summary>One <c>;name[=value]</c> parameter; the value is kept as written (quotes and escapes included).</summary>
/// <param name="Name">The parameter name.</param>
/// <param name="Value">The value as written, or null for a flag parameter such as <c>;lr</c>.</param>
public sealed record SipParameter(string Name, string? Value)
{
    /// <summary>The value without surrounding quotes and with backslash escapes removed.</summary>
    public string? UnquotedValue => Value is null ? null : SipText.Unquote(Value);

    /// <inheritdoc/>
    public override string ToString() => Value is null ? Name : Name + "=" + Value;
}
