package eu.eccp.hosting.internal;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.SocketException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import org.xbill.DNS.AAAARecord;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;

import com.google.common.net.InetAddresses;

/**
 * A DNS server on 127.0.0.1 (UDP, a random port) for tests: it answers A and AAAA questions from a table,
 * NXDOMAIN for names it does not know, and SERVFAIL for names marked as failing. Nothing leaves the machine.
 */
final class LoopbackDnsServer implements AutoCloseable {

	private final DatagramSocket socket;
	private final Map<String, List<String>> table = new ConcurrentHashMap<>();
	private final Map<String, Boolean> failing = new ConcurrentHashMap<>();
	final AtomicInteger questions = new AtomicInteger();
	private final Thread thread;

	LoopbackDnsServer() throws SocketException {
		socket = new DatagramSocket(0, InetAddress.getLoopbackAddress());
		thread = new Thread(this::serve, "loopback-dns");
		thread.setDaemon(true);
		thread.start();
	}

	LoopbackDnsServer answer(String name, String... addresses) {
		table.put(name.toLowerCase() + ".", List.of(addresses));
		return this;
	}

	LoopbackDnsServer fail(String name) {
		failing.put(name.toLowerCase() + ".", true);
		return this;
	}

	String address() {
		return "127.0.0.1:" + socket.getLocalPort();
	}

	private void serve() {
		byte[] buffer = new byte[512];
		while (!socket.isClosed()) {
			DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
			try {
				socket.receive(packet);
				questions.incrementAndGet();
				Message query = new Message(java.util.Arrays.copyOf(packet.getData(), packet.getLength()));
				Record question = query.getQuestion();
				Message response = new Message(query.getHeader().getID());
				response.getHeader().setFlag(Flags.QR);
				response.getHeader().setFlag(Flags.AA);
				response.addRecord(question, Section.QUESTION);
				String name = question.getName().toString().toLowerCase();
				List<String> addresses = table.get(name);
				if (failing.containsKey(name)) {
					response.getHeader().setRcode(Rcode.SERVFAIL);
				}
				else if (addresses == null) {
					response.getHeader().setRcode(Rcode.NXDOMAIN);
				}
				else {
					for (String text : addresses) {
						InetAddress address = InetAddresses.forString(text);
						Name owner = question.getName();
						if (question.getType() == Type.A && address.getAddress().length == 4) {
							response.addRecord(new ARecord(owner, DClass.IN, 60, address), Section.ANSWER);
						}
						else if (question.getType() == Type.AAAA && address.getAddress().length == 16) {
							response.addRecord(new AAAARecord(owner, DClass.IN, 60, address), Section.ANSWER);
						}
					}
				}
				byte[] wire = response.toWire(512);
				socket.send(new DatagramPacket(wire, wire.length, packet.getSocketAddress()));
			}
			catch (IOException e) {
				if (socket.isClosed()) {
					return;
				}
			}
		}
	}

	@Override
	public void close() {
		socket.close();
	}
}
