namespace Vms.Data.Routing;

public sealed class CallerListEntry
{
    public Guid Id { get; set; }
    public Guid ListId { get; set; }
    public string Value { get; set; } = "";
    public CallerList? List { get; set; }
}
