package eu.eccp.shared;

import java.time.Duration;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

import org.jspecify.annotations.Nullable;
import org.springframework.context.SmartLifecycle;

/**
 * One background thread of a module's own, per node, started and stopped with the application: the shape of
 * the report-processing worker, the public report writer and the audit chainer. The thread runs {@link #work()},
 * which loops while {@link #running()} and waits in {@link #pause} (woken at once by {@link #wake()}); stopping
 * clears {@code running}, wakes it and waits for it to finish up to {@code stopWait}.
 */
public abstract class NodeThread implements SmartLifecycle {

	private final String name;
	private final int phase;
	private final Duration stopWait;
	private final ReentrantLock lock = new ReentrantLock();
	private final Condition signal = lock.newCondition();
	private boolean woken;
	private volatile boolean running;
	private @Nullable Thread thread;

	protected NodeThread(String name, int phase, Duration stopWait) {
		this.name = name;
		this.phase = phase;
		this.stopWait = stopWait;
	}

	/** The thread's work; return when {@link #running()} turns false. */
	protected abstract void work();

	/** Called once the thread has ended (or the wait for it has), e.g. to finish what is left on the caller. */
	protected void afterStop() {
	}

	protected final boolean running() {
		return running;
	}

	/** Ends a {@link #pause} at once (one that waits for a wake; a wake during a fixed pause is forgotten). */
	public final void wake() {
		lock.lock();
		try {
			woken = true;
			signal.signalAll();
		}
		finally {
			lock.unlock();
		}
	}

	/**
	 * Waits up to {@code most}, until stopped, or (when {@code untilWoken}) until woken; then forgets any wake. An
	 * interrupt stops the thread.
	 */
	protected final void pause(Duration most, boolean untilWoken) {
		long until = System.nanoTime() + most.toNanos();
		lock.lock();
		try {
			long left;
			while (running && !(untilWoken && woken) && (left = until - System.nanoTime()) > 0) {
				signal.awaitNanos(left);
			}
			woken = false;
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			running = false;
		}
		finally {
			lock.unlock();
		}
	}

	@Override
	public void start() {
		running = true;
		Thread started = new Thread(this::work, name);
		started.setDaemon(true);
		thread = started;
		started.start();
	}

	@Override
	public void stop() {
		running = false;
		wake();
		Thread started = thread;
		if (started != null) {
			try {
				started.join(stopWait.toMillis());
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
			}
		}
		afterStop();
	}

	@Override
	public boolean isRunning() {
		return running;
	}

	@Override
	public int getPhase() {
		return phase;
	}
}
