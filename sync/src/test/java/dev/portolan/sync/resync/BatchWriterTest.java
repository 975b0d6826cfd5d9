package dev.portolan.sync.resync;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BatchWriterTest {

    @Test
    void writesEveryBatchInTheOrderGiven() {
        List<Integer> written = new CopyOnWriteArrayList<>();
        try (BatchWriter writer = new BatchWriter("test-writer")) {
            for (int i = 0; i < 50; i++) {
                int batch = i;
                writer.submit(() -> written.add(batch));
            }
            writer.awaitWritten();
        }
        assertThat(written).hasSize(50).isSorted();
    }

    @Test
    void aFailingBatchStopsTheWritingAndItsErrorReachesTheSubmitter() {
        List<Integer> written = new CopyOnWriteArrayList<>();
        try (BatchWriter writer = new BatchWriter("test-writer")) {
            writer.submit(() -> written.add(1));
            writer.submit(() -> {
                throw new IllegalStateException("the database is gone");
            });

            // Thrown at the next submit if the failure is known by then, else when waiting.
            assertThatThrownBy(() -> {
                writer.submit(() -> written.add(3));
                writer.awaitWritten();
            }).isInstanceOf(IllegalStateException.class).hasMessage("the database is gone");
        }
        assertThat(written).containsExactly(1);
    }

    @Test
    void closingDropsQueuedBatchesAndWaitsForTheOneBeingWritten() throws InterruptedException {
        List<Integer> written = new CopyOnWriteArrayList<>();
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        BatchWriter writer = new BatchWriter("test-writer");
        writer.submit(() -> {
            started.countDown();
            await(release);
            written.add(1);
        });
        writer.submit(() -> written.add(2));
        assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();

        Thread closer = Thread.ofPlatform().start(writer::close);
        Thread.sleep(100);
        assertThat(closer.isAlive()).as("close waits for the batch being written").isTrue();
        release.countDown();
        closer.join(10_000);

        assertThat(closer.isAlive()).isFalse();
        assertThat(written).containsExactly(1);
    }

    @Test
    void noMoreThanAFewBatchesWaitBehindTheOneBeingWritten() throws InterruptedException {
        CountDownLatch release = new CountDownLatch(1);
        BatchWriter writer = new BatchWriter("test-writer");
        Thread submitter = Thread.ofPlatform().start(() -> {
            for (int i = 0; i < 10; i++) writer.submit(() -> await(release));
        });
        Thread.sleep(200);
        assertThat(submitter.isAlive()).as("the submitter waits for room").isTrue();
        release.countDown();
        submitter.join(10_000);
        writer.awaitWritten();
        writer.close();
        assertThat(submitter.isAlive()).isFalse();
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
