package io.provergateway.store;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Deque;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Thread-safe in-memory {@link BlobStore} for fast tests, with scripted failures: {@link #failNextPuts} and
 * {@link #failNextOpens} queue exceptions thrown by the next calls (before any effect).
 */
public final class InMemoryBlobStore implements BlobStore {
    private final ConcurrentMap<String, byte[]> objects = new ConcurrentHashMap<>();
    private final Deque<BlobStoreException> putFailures = new ConcurrentLinkedDeque<>();
    private final Deque<BlobStoreException> openFailures = new ConcurrentLinkedDeque<>();
    private final AtomicInteger puts = new AtomicInteger();
    private final AtomicInteger opens = new AtomicInteger();

    @Override
    public void put(String bucket, String key, Path content) {
        puts.incrementAndGet();
        throwScripted(putFailures);
        try {
            objects.put(id(bucket, key), Files.readAllBytes(content));
        } catch (NoSuchFileException e) {
            throw new BlobStoreException("cannot store " + bucket + "/" + key + ": no such file " + content, false, e);
        } catch (IOException e) {
            throw new BlobStoreException("cannot store " + bucket + "/" + key + ": " + e, false, e);
        }
    }

    @Override
    public InputStream open(String bucket, String key) {
        opens.incrementAndGet();
        throwScripted(openFailures);
        byte[] bytes = objects.get(id(bucket, key));
        if (bytes == null) {
            throw new BlobNotFoundException(bucket, key, null);
        }
        return new ByteArrayInputStream(bytes);
    }

    /** Stores bytes directly (test arrangement; not counted as a put). */
    public void putBytes(String bucket, String key, byte[] content) {
        objects.put(id(bucket, key), content.clone());
    }

    public Optional<byte[]> get(String bucket, String key) {
        return Optional.ofNullable(objects.get(id(bucket, key))).map(byte[]::clone);
    }

    public boolean contains(String bucket, String key) {
        return objects.containsKey(id(bucket, key));
    }

    /** The keys stored in {@code bucket}, sorted. */
    public Set<String> keys(String bucket) {
        Set<String> keys = new TreeSet<>();
        String prefix = bucket + "/";
        for (String id : objects.keySet()) {
            if (id.startsWith(prefix)) {
                keys.add(id.substring(prefix.length()));
            }
        }
        return keys;
    }

    /** The next {@code times} puts fail with a {@link BlobStoreException} of the given retriability. */
    public void failNextPuts(int times, boolean retriable) {
        for (int i = 0; i < times; i++) {
            putFailures.add(new BlobStoreException("injected put failure", retriable, null));
        }
    }

    /** The next {@code times} opens fail with a {@link BlobStoreException} of the given retriability. */
    public void failNextOpens(int times, boolean retriable) {
        for (int i = 0; i < times; i++) {
            openFailures.add(new BlobStoreException("injected open failure", retriable, null));
        }
    }

    /** Calls of {@link #put}, including failed ones. */
    public int putCalls() {
        return puts.get();
    }

    /** Calls of {@link #open}, including failed ones. */
    public int openCalls() {
        return opens.get();
    }

    private static void throwScripted(Deque<BlobStoreException> failures) {
        BlobStoreException failure = failures.poll();
        if (failure != null) {
            throw failure;
        }
    }

    private static String id(String bucket, String key) {
        return bucket + "/" + key;
    }
}
