using ReviewWorkflow.Directory.Local;

namespace ReviewWorkflow.Directory.Tests.Local;

public sealed class LocalListGroupsTests
{
    [Fact]
    public async Task ListGroupsAsync_gives_the_files_groups_in_order_by_id_and_display_name()
    {
        var directory = new LocalDirectory(null);

        var groups = await directory.ListGroupsAsync();

        Assert.Equal(("children-in-care-council", "Children in Care Council"), (groups[0].Id, groups[0].DisplayName));
        Assert.Contains(groups, g => g.Id == "partners" && g.DisplayName == "Partners");
        Assert.Equal(6, groups.Count);
    }
}
