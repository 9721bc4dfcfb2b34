package io.provergateway.store;

import io.provergateway.metrics.TransferProgress;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;

/**
 * S3 adapter (upstream zksync-era {@code S3Store}, spec §5.6): object {@code bucket/key} is the S3 object named
 * {@code "{bucket}/{key}"} in the configured S3 bucket. Objects below {@link #MULTIPART_THRESHOLD} go up in one
 * {@code PutObject}; larger ones as a multipart upload in {@link #PART_SIZE} parts, each read from the file when sent,
 * so memory stays bounded whatever the size. Reads stream the response body to the caller. The client is built
 * without retries ({@link S3Clients}); {@link RetryingBlobStore} retries by {@link S3Failures}' classification.
 */
public final class S3BlobStore implements BlobStore {
    public static final long MULTIPART_THRESHOLD = 16L * 1024 * 1024;
    public static final long PART_SIZE = 8L * 1024 * 1024;
    private static final String OCTET_STREAM = "application/octet-stream";

    private final S3Client s3;
    private final String s3Bucket;

    public S3BlobStore(S3Client s3, String s3Bucket) {
        this.s3 = s3;
        this.s3Bucket = s3Bucket;
    }

    /** The S3 object name of {@code bucket/key}. */
    static String objectName(String bucket, String key) {
        return bucket + "/" + key;
    }

    @Override
    public void put(String bucket, String key, Path content) {
        String name = objectName(bucket, key);
        long size;
        try {
            size = Files.size(content);
        } catch (IOException e) {
            throw S3Failures.localRead(bucket, key, e);
        }
        try {
            if (size < MULTIPART_THRESHOLD) {
                s3.putObject(b -> b.bucket(s3Bucket).key(name).contentLength(size).contentType(OCTET_STREAM),
                        RequestBody.fromContentProvider(region(content, 0, size), size, OCTET_STREAM));
            } else {
                putMultipart(name, content, size);
            }
        } catch (SdkException e) {
            throw S3Failures.classify("put", bucket, key, where(name), e);
        } catch (UncheckedIOException e) {
            throw S3Failures.localRead(bucket, key, e.getCause());
        }
    }

    private void putMultipart(String name, Path content, long size) {
        String uploadId = s3.createMultipartUpload(b -> b.bucket(s3Bucket).key(name).contentType(OCTET_STREAM))
                .uploadId();
        try {
            List<CompletedPart> parts = new ArrayList<>();
            TransferProgress progress = TransferProgress.start("upload " + where(name), size);
            for (long offset = 0, number = 1; offset < size; offset += PART_SIZE, number++) {
                long length = Math.min(PART_SIZE, size - offset);
                int partNumber = (int) number;
                String etag = s3.uploadPart(b -> b.bucket(s3Bucket).key(name).uploadId(uploadId)
                        .partNumber(partNumber).contentLength(length),
                        RequestBody.fromContentProvider(region(content, offset, length), length, OCTET_STREAM)).eTag();
                parts.add(CompletedPart.builder().partNumber(partNumber).eTag(etag).build());
                progress.advance(length);
            }
            s3.completeMultipartUpload(b -> b.bucket(s3Bucket).key(name).uploadId(uploadId)
                    .multipartUpload(m -> m.parts(parts)));
        } catch (RuntimeException e) {
            abortQuietly(name, uploadId, e);
            throw e;
        }
    }

    private void abortQuietly(String name, String uploadId, RuntimeException failure) {
        try {
            s3.abortMultipartUpload(b -> b.bucket(s3Bucket).key(name).uploadId(uploadId));
        } catch (RuntimeException e) {
            failure.addSuppressed(e);
        }
    }

    /** A fresh stream over {@code [offset, offset + length)} of the file each time the SDK asks (signing, sending). */
    private static ContentStreamProvider region(Path file, long offset, long length) {
        return () -> {
            try {
                FileChannel channel = FileChannel.open(file, StandardOpenOption.READ);
                channel.position(offset);
                return new BoundedStream(Channels.newInputStream(channel), length);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        };
    }

    @Override
    public InputStream open(String bucket, String key) {
        String name = objectName(bucket, key);
        try {
            ResponseInputStream<GetObjectResponse> body = s3.getObject(b -> b.bucket(s3Bucket).key(name));
            return new AbortingStream(body);
        } catch (SdkException e) {
            throw S3Failures.classify("get", bucket, key, where(name), e);
        }
    }

    private String where(String name) {
        return "s3://" + s3Bucket + "/" + name;
    }

    @Override
    public void close() {
        s3.close();
    }

    /** Reads at most {@code remaining} bytes of the underlying stream. */
    private static final class BoundedStream extends FilterInputStream {
        private long remaining;

        BoundedStream(InputStream in, long remaining) {
            super(in);
            this.remaining = remaining;
        }

        @Override
        public int read() throws IOException {
            if (remaining <= 0) {
                return -1;
            }
            int b = super.read();
            if (b >= 0) {
                remaining--;
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            if (remaining <= 0) {
                return -1;
            }
            int n = super.read(buffer, offset, (int) Math.min(length, remaining));
            if (n > 0) {
                remaining -= n;
            }
            return n;
        }

        @Override
        public boolean markSupported() {
            return false;
        }
    }

    /** Drops the connection instead of draining it when closed before the end of the object. */
    private static final class AbortingStream extends FilterInputStream {
        private final ResponseInputStream<GetObjectResponse> body;
        private boolean ended;

        AbortingStream(ResponseInputStream<GetObjectResponse> body) {
            super(body);
            this.body = body;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            ended |= b < 0;
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            ended |= n < 0;
            return n;
        }

        @Override
        public void close() throws IOException {
            if (!ended) {
                body.abort();
            }
            super.close();
        }
    }
}
