using ReviewWorkflow.App.Development;

namespace ReviewWorkflow.App.Tests.Development;

public sealed class ControllableClockTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "rw-clock-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public void A_jump_moves_the_clock_and_a_new_clock_on_the_same_file_keeps_it()
    {
        var file = Path.Combine(_folder, "clock.txt");
        var clock = new ControllableClock(file);
        Assert.Equal(TimeSpan.Zero, clock.Offset);
        var target = DateTimeOffset.UtcNow.AddDays(40);

        Assert.True(clock.TryJumpTo(target));

        Assert.InRange(clock.GetUtcNow(), target, target.AddMinutes(1));
        var restarted = new ControllableClock(file);
        Assert.InRange(restarted.GetUtcNow(), target, target.AddMinutes(1));
        Assert.Equal(clock.Offset, restarted.Offset);
    }

    [Fact]
    public void A_jump_into_the_past_is_refused_and_changes_nothing()
    {
        var file = Path.Combine(_folder, "clock.txt");
        var clock = new ControllableClock(file);
        Assert.True(clock.TryJumpTo(DateTimeOffset.UtcNow.AddDays(10)));
        var offset = clock.Offset;

        Assert.False(clock.TryJumpTo(DateTimeOffset.UtcNow.AddDays(5)));

        Assert.Equal(offset, clock.Offset);
        Assert.Equal(offset, new ControllableClock(file).Offset);
    }

    [Fact]
    public void A_damaged_clock_file_is_reported_not_read_as_zero()
    {
        System.IO.Directory.CreateDirectory(_folder);
        var file = Path.Combine(_folder, "clock.txt");
        File.WriteAllText(file, "next tuesday");

        var error = Assert.Throws<InvalidOperationException>(() => new ControllableClock(file));
        Assert.Contains(file, error.Message, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        if (System.IO.Directory.Exists(_folder))
        {
            System.IO.Directory.Delete(_folder, recursive: true);
        }
    }
}
