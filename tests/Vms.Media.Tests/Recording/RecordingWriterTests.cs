using Vms.Media.Codecs;
using Vms.Media.Recording;
using Vms.Media.Tests.TestSupport;
using Vms.Media.Wav;
using Vms.Testing;

namespace Vms.Media.Tests.Recording;

/// <summary>
/// The recorder with its file I/O on a <see cref="RecordingWriter"/>: the frame path (clock thread) never
/// touches the stream; chunks are written, the header patched and flushed every flush interval, so what is on
/// disk is a valid WAV up to the last flushed second even if the process dies. Most tests run the writer's
/// queue by hand (<see cref="RecordingWriter.RunPending"/>) to stay deterministic.
/// </summary>
[Collection(AllocationMeasurement.Name)]
public class RecordingWriterTests
{
    private static readonly byte[] Loud = Enumerable.Repeat(G711.LinearToAlaw(4000), 160).ToArray();

    [Fact]
    public void WriteFrame_WithWriter_StreamUntouchedUntilTheWriterRuns()
    {
        using var queue = new RecordingWriter(threaded: false);
        var stream = new MemoryStream();
        var recorder = new CallRecorder(stream, new RecordingOptions(), null, null, queue);
        var header = stream.Length;
        for (var i = 0; i < 120; i++)
        {
            recorder.Write(0, 1, (uint)(i * 160), Loud, G711Law.Alaw);
            recorder.WriteFrame();
        }

        Assert.Equal(header, stream.Length); // 2.4 s mixed, nothing written on the frame path
        Assert.Equal(2, queue.RunPending());
        Assert.Equal(header + 16000, stream.Length);
    }

    [Fact]
    public void Crash_AfterOneAndAHalfSeconds_FileReadableUpToTheLastFlushedSecond()
    {
        using var queue = new RecordingWriter(threaded: false);
        var stream = new MemoryStream();
        var recorder = new CallRecorder(stream, new RecordingOptions { Latency = TimeSpan.FromMilliseconds(20) }, null, null, queue);
        for (var i = 0; i < 75; i++)
        {
            recorder.Write(0, 1, (uint)(i * 160), Loud, G711Law.Alaw);
            recorder.WriteFrame();
        }

        queue.RunPending();
        var onDisk = stream.ToArray(); // the process dies here: no StopAsync, no Complete

        var read = WavReader.Read(onDisk);
        Assert.True(read.IsSuccess, read.Error);
        Assert.Equal(TimeSpan.FromSeconds(1), read.File!.Duration);
        Assert.True(read.File.ToMonoPcm16()[4000] > 3000);
    }

    [Fact]
    public async Task StopAsync_WithThreadedWriter_CompletesWithWholeFileWrittenOffTheCallingThread()
    {
        using var queue = new RecordingWriter();
        var stream = new ThreadRecordingStream();
        var recorder = new CallRecorder(stream, new RecordingOptions(), null, null, queue);
        stream.Track = true;
        for (var i = 0; i < 130; i++)
        {
            recorder.Write(0, 1, (uint)(i * 160), Loud, G711Law.Alaw);
            recorder.WriteFrame();
        }

        var result = await recorder.StopAsync();

        Assert.Equal(RecordingStopReason.Stopped, result.Reason);
        Assert.Equal(58 + (130 * 160), result.FileBytes);
        Assert.NotEmpty(stream.WriterThreads);
        Assert.DoesNotContain(Environment.CurrentManagedThreadId, stream.WriterThreads);
        Assert.Equal(TimeSpan.FromMilliseconds(2600), WavReader.Read(stream.ToArray()).File!.Duration);
    }

    [Fact]
    public async Task WriteFrame_SizeCapWithWriter_StopsAtTheCapWithValidFile()
    {
        using var queue = new RecordingWriter(threaded: false);
        var stream = new MemoryStream();
        var recorder = new CallRecorder(stream, new RecordingOptions { MaxBytes = 58 + 12000 }, null, null, queue);
        for (var i = 0; i < 200; i++)
        {
            recorder.WriteFrame();
        }

        queue.RunPending();
        var result = await recorder.Completion;

        Assert.Equal(RecordingStopReason.SizeCapReached, result.Reason);
        Assert.True(stream.ToArray().Length <= 58 + 12000);
        Assert.Equal(result.FileBytes, stream.ToArray().Length);
        Assert.Equal(TimeSpan.FromMilliseconds(1480), WavReader.Read(stream.ToArray()).File!.Duration);
    }

    [Fact]
    public async Task Pause_WithWriter_SilenceWrittenAndTimelineKept()
    {
        using var queue = new RecordingWriter(threaded: false);
        var stream = new MemoryStream();
        var recorder = new CallRecorder(stream, new RecordingOptions { Latency = TimeSpan.FromMilliseconds(20) }, null, null, queue);
        for (var i = 0; i < 150; i++)
        {
            if (i == 50)
            {
                recorder.Pause();
            }

            if (i == 100)
            {
                recorder.Resume();
            }

            recorder.Write(0, 7, (uint)(i * 160), Loud, G711Law.Alaw);
            recorder.WriteFrame();
        }

        var stopped = recorder.StopAsync();
        queue.RunPending();
        var result = await stopped;

        Assert.Equal(TimeSpan.FromSeconds(3), result.Duration);
        var pcm = WavReader.Read(stream.ToArray()).File!.ToMonoPcm16();
        Assert.All(pcm.Skip(51 * 160).Take(49 * 160), s => Assert.InRange(s, -8, 8));
        Assert.True(pcm[30 * 160] > 3000);
        Assert.True(pcm[120 * 160] > 3000);
    }

    [Fact]
    public async Task WriteChunk_DiskFailsAfterFirstSecond_StopsWithWriteFailedAndKeepsTheFlushedSecond()
    {
        using var queue = new RecordingWriter(threaded: false);
        var stream = new FailingStream(failAfter: 58 + 8000);
        var recorder = new CallRecorder(stream, new RecordingOptions(), null, null, queue);
        for (var i = 0; i < 100; i++)
        {
            recorder.WriteFrame();
        }

        queue.RunPending(); // second chunk fails
        recorder.WriteFrame(); // the frame path sees the failure and ends the recording
        queue.RunPending();
        var result = await recorder.Completion;

        Assert.Equal(RecordingStopReason.WriteFailed, result.Reason);
        Assert.Equal(TimeSpan.FromSeconds(1), WavReader.Read(stream.Written).File!.Duration);
    }

    [Fact]
    public async Task WriteFrame_WriterStalled_StopsInsteadOfQueueingWithoutBound()
    {
        using var queue = new RecordingWriter(threaded: false);
        var recorder = new CallRecorder(new MemoryStream(), new RecordingOptions(), null, null, queue);
        for (var i = 0; i < 50 * 60; i++)
        {
            recorder.WriteFrame(); // a minute of frames while the disk never answers
        }

        Assert.InRange(queue.Pending, 1, 10);
        queue.RunPending();
        var result = await recorder.Completion;
        Assert.Equal(RecordingStopReason.WriteFailed, result.Reason);
    }

    [Fact]
    public void WriteFrame_SteadyStateWithWriter_NoAllocation()
    {
        using var queue = new RecordingWriter(threaded: false);
        var recorder = new CallRecorder(new DiscardingSeekableStream(), new RecordingOptions(), null, null, queue);
        for (var i = 0; i < 500; i++)
        {
            recorder.Write(0, 1, (uint)(i * 160), Loud, G711Law.Alaw);
            recorder.WriteFrame();
            queue.RunPending();
        }

        var frame = 500;
        var allocated = SteadyStateAllocation.FewestBytes(() =>
        {
            for (var end = frame + 1000; frame < end; frame++)
            {
                recorder.Write(0, 1, (uint)(frame * 160), Loud, G711Law.Alaw);
                recorder.WriteFrame();
                queue.RunPending();
            }
        });

        Assert.Equal(0, allocated); // chunks come back to the pool
        recorder.Dispose();
    }

    private sealed class ThreadRecordingStream : MemoryStream
    {
        public bool Track { get; set; }

        public HashSet<int> WriterThreads { get; } = [];

        public override void Write(ReadOnlySpan<byte> buffer)
        {
            Record();
            base.Write(buffer);
        }

        public override void Write(byte[] buffer, int offset, int count)
        {
            Record();
            base.Write(buffer, offset, count);
        }

        private void Record()
        {
            if (Track)
            {
                lock (WriterThreads)
                {
                    WriterThreads.Add(Environment.CurrentManagedThreadId);
                }
            }
        }
    }

    private sealed class FailingStream(int failAfter) : MemoryStream
    {
        public byte[] Written => ToArray();

        public override void Write(ReadOnlySpan<byte> buffer) => Write(buffer.ToArray(), 0, buffer.Length);

        public override void Write(byte[] buffer, int offset, int count)
        {
            if (Position + count > failAfter)
            {
                throw new IOException("disk full");
            }

            base.Write(buffer, offset, count);
        }
    }
}
