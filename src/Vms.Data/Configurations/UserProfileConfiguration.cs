using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Vms.Data.Identity;

namespace Vms.Data.Configurations;

internal sealed class UserProfileConfiguration : IEntityTypeConfiguration<UserProfile>
{
    public void Configure(EntityTypeBuilder<UserProfile> builder)
    {
        builder.HasKey(p => new { p.UserId, p.ProfileId });
        builder.HasOne(p => p.Profile).WithMany().HasForeignKey(p => p.ProfileId);
    }
}
