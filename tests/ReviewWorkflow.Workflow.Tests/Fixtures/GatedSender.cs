using ReviewWorkflow.Notifications.Email;

namespace ReviewWorkflow.Workflow.Tests.Fixtures;

/// <summary>Wraps a sender so that the first message whose key starts with a prefix waits, mid-activity, until the test
/// opens the gate: the worker can be crashed while that activity is in flight.</summary>
internal sealed class GatedSender(string keyPrefix) : IEmailSender
{
    private IEmailSender? _inner;

    private readonly TaskCompletionSource _reached = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _open = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _held;

    /// <summary>Completes when a send is being held.</summary>
    public Task Reached => _reached.Task;

    public void Open() => _open.TrySetResult();

    /// <summary>Puts the gate in front of <paramref name="inner"/> (the harness's sender is built when first needed).</summary>
    public IEmailSender Wrap(IEmailSender inner)
    {
        _inner = inner;
        return this;
    }

    public async Task<EmailSendResult> SendAsync(EmailMessage message, CancellationToken cancellationToken = default)
    {
        if (message.IdempotencyKey.StartsWith(keyPrefix, StringComparison.Ordinal) && Interlocked.CompareExchange(ref _held, 1, 0) == 0)
        {
            _reached.TrySetResult();
            await _open.Task.WaitAsync(cancellationToken);
        }

        return await _inner!.SendAsync(message, cancellationToken);
    }
}
