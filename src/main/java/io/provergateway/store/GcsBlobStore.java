package io.provergateway.store;

import com.google.cloud.ReadChannel;
import com.google.cloud.WriteChannel;
import com.google.cloud.storage.BlobId;
import com.google.cloud.storage.BlobInfo;
import com.google.cloud.storage.Storage;
import io.provergateway.metrics.TransferProgress;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;

/**
 * GCS adapter (upstream {@code GoogleCloudStorage}, spec §5.5): object {@code bucket/key} is the GCS object
 * {@code "{bucket}/{key}"} in the configured bucket, through the JSON API. Objects below {@link #RESUMABLE_THRESHOLD}
 * go up in one request; larger ones as a resumable upload in chunks of {@link #CHUNK_SIZE}, so at most one chunk is
 * in memory. A failed resumable upload is abandoned without being finalized: no partial object ever appears under
 * the name. {@link #open} makes the first request itself (so "not found" and transient failures surface there, where
 * {@link RetryingBlobStore} retries them) and then streams the rest.
 */
public final class GcsBlobStore implements BlobStore {
    public static final long RESUMABLE_THRESHOLD = 8L * 1024 * 1024;
    public static final int CHUNK_SIZE = 16 * 1024 * 1024;
    private static final int READ_CHUNK = 2 * 1024 * 1024;
    private static final int FIRST_READ = 64 * 1024;
    private static final String OCTET_STREAM = "application/octet-stream";

    private final Storage storage;
    private final String gcsBucket;

    public GcsBlobStore(Storage storage, String gcsBucket) {
        this.storage = storage;
        this.gcsBucket = gcsBucket;
    }

    @Override
    public void put(String bucket, String key, Path content) {
        String name = S3BlobStore.objectName(bucket, key);
        BlobInfo info = BlobInfo.newBuilder(gcsBucket, name).setContentType(OCTET_STREAM).build();
        try {
            long size = Files.size(content);
            if (size < RESUMABLE_THRESHOLD) {
                storage.create(info, Files.readAllBytes(content), Storage.BlobTargetOption.disableGzipContent());
            } else {
                putResumable(info, content);
            }
        } catch (IOException | RuntimeException e) {
            throw GcsFailures.classify("put", bucket, key, where(name), e);
        }
    }

    private void putResumable(BlobInfo info, Path content) throws IOException {
        WriteChannel writer = storage.writer(info, Storage.BlobWriteOption.disableGzipContent());
        writer.setChunkSize(CHUNK_SIZE);
        try (FileChannel in = FileChannel.open(content, StandardOpenOption.READ)) {
            TransferProgress progress = TransferProgress.start("upload gs://" + info.getBucket() + "/" + info.getName(),
                    in.size());
            ByteBuffer buffer = ByteBuffer.allocate(1024 * 1024);
            while (in.read(buffer) >= 0) {
                buffer.flip();
                while (buffer.hasRemaining()) {
                    writer.write(buffer);
                }
                progress.advance(buffer.limit());
                buffer.clear();
            }
        }
        // Only a complete upload is finalized; on any failure above the session is left to expire unfinished.
        writer.close();
    }

    @Override
    public InputStream open(String bucket, String key) {
        String name = S3BlobStore.objectName(bucket, key);
        ReadChannel reader = storage.reader(BlobId.of(gcsBucket, name));
        reader.setChunkSize(READ_CHUNK);
        InputStream body = Channels.newInputStream(reader);
        try {
            byte[] first = new byte[FIRST_READ];
            int n = body.read(first);
            if (n < 0) {
                reader.close();
                return InputStream.nullInputStream();
            }
            return new SequenceInputStream(new ByteArrayInputStream(Arrays.copyOf(first, n)), body);
        } catch (IOException | RuntimeException e) {
            reader.close();
            throw GcsFailures.classify("get", bucket, key, where(name), e);
        }
    }

    private String where(String name) {
        return "gs://" + gcsBucket + "/" + name;
    }

    @Override
    public void close() {
        try {
            storage.close();
        } catch (Exception e) {
            // nothing held that outlives the process
        }
    }
}
