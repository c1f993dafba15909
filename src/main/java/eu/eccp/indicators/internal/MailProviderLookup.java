package eu.eccp.indicators.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.net.URLConnection;
import java.net.URLStreamHandler;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;

import jakarta.mail.MessagingException;
import jakarta.mail.util.StreamProvider;

/**
 * The class loader a thread parsing an e-mail runs in ({@link #run}), so that Jakarta Mail finds its stream
 * provider without searching the class path each time.
 *
 * <p>Jakarta Mail 2.1 asks {@link java.util.ServiceLoader} for its {@link StreamProvider} at every body part,
 * header block and transfer decoding it makes, through the thread's context class loader, and a service look-up
 * reads {@code META-INF/services} from every jar on the class path (jakartaee/mail-api#861, open): on a
 * message of many parts that was most of the parse. This loader answers that one resource from a copy read
 * once, and delegates everything else (classes included) to the loader it was made from; the provider found
 * is the one the service look-up would find. The system property Jakarta Mail also reads is not set: it would
 * hold for every thread, and one whose context class loader cannot see the provider would then fail.
 */
final class MailProviderLookup extends ClassLoader {

	static {
		registerAsParallelCapable();
	}

	private static final String SERVICE = "META-INF/services/" + StreamProvider.class.getName();

	private static final MailProviderLookup INSTANCE = new MailProviderLookup(MailProviderLookup.class.getClassLoader());

	private final List<URL> copies;

	private MailProviderLookup(ClassLoader parent) {
		super("eccp-mail-provider-lookup", parent);
		this.copies = copies(parent);
	}

	/**
	 * In-memory copies of the service files {@code parent} finds; none when they cannot be read, and Jakarta Mail
	 * then searches the class path itself, as it would without this loader.
	 */
	private static List<URL> copies(ClassLoader parent) {
		List<URL> found = new ArrayList<>();
		try {
			Enumeration<URL> resources = parent.getResources(SERVICE);
			while (resources.hasMoreElements()) {
				try (InputStream in = resources.nextElement().openStream()) {
					found.add(inMemory(found.size(), in.readAllBytes()));
				}
			}
		}
		catch (IOException e) {
			return List.of();
		}
		return List.copyOf(found);
	}

	/** Runs {@code parse} with this loader as the thread's context class loader, restoring the one before. */
	static void run(Parse parse) throws IOException, MessagingException {
		Thread thread = Thread.currentThread();
		ClassLoader before = thread.getContextClassLoader();
		thread.setContextClassLoader(INSTANCE);
		try {
			parse.run();
		}
		finally {
			thread.setContextClassLoader(before);
		}
	}

	/** The parse of a message, run inside {@link #run}. */
	@FunctionalInterface
	interface Parse {

		void run() throws IOException, MessagingException;
	}

	@Override
	public Enumeration<URL> getResources(String name) throws IOException {
		return SERVICE.equals(name) && !copies.isEmpty() ? Collections.enumeration(copies) : super.getResources(name);
	}

	/** A URL that reads {@code bytes}, the copy of service file number {@code index}, from memory. */
	private static URL inMemory(int index, byte[] bytes) throws IOException {
		URLStreamHandler handler = new URLStreamHandler() {

			@Override
			protected URLConnection openConnection(URL url) {
				return new URLConnection(url) {

					@Override
					public void connect() {
						connected = true;
					}

					@Override
					public InputStream getInputStream() {
						return new ByteArrayInputStream(bytes);
					}
				};
			}
		};
		@SuppressWarnings("deprecation") // a constructor is the only way to give a handler on Java 17
		URL url = new URL("eccp-memory", null, -1, "/" + index + "/" + SERVICE, handler);
		return url;
	}
}
