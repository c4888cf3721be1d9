using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Vms.Data.Routing;

namespace Vms.Data.Configurations;

internal sealed class NumberPlanAssignmentConfiguration : IEntityTypeConfiguration<NumberPlanAssignment>
{
    public void Configure(EntityTypeBuilder<NumberPlanAssignment> builder)
    {
        builder.HasKey(a => new { a.NumberId, a.PlanKind });
        builder.Property(a => a.PlanKind).HasConversion<string>().HasMaxLength(20);
        builder.HasOne(a => a.Number).WithMany().HasForeignKey(a => a.NumberId);
        builder.HasOne<RoutingTree>().WithMany().HasForeignKey(a => a.TreeId);
    }
}
