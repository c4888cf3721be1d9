using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Vms.Data.Identity;

namespace Vms.Data.Configurations;

internal sealed class UserSessionConfiguration : IEntityTypeConfiguration<UserSession>
{
    public void Configure(EntityTypeBuilder<UserSession> builder)
    {
        builder.ToTable("Sessions");
        builder.Property(s => s.Id).HasMaxLength(64);
        builder.Property(s => s.EndReason).HasMaxLength(40);
        builder.HasOne<User>().WithMany().HasForeignKey(s => s.UserId);
        builder.HasIndex(s => s.UserId);
    }
}
