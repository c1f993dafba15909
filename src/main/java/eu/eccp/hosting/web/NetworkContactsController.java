package eu.eccp.hosting.web;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import eu.eccp.hosting.internal.NetworkContacts;
import eu.eccp.shared.CallerContext;
import eu.eccp.shared.InvalidRequestException;

/**
 * {@code /admin/network-contacts}: the platform operator's admins keep the table of who answers for a network
 * (by AS number): one row at a time, or a CSV upload that replaces the rows it names (a file with a bad row changes
 * nothing and lists its problems). Every change is audited by {@link NetworkContacts}.
 */
@Controller
@RequestMapping("/admin/network-contacts")
class NetworkContactsController {

	private final NetworkContacts contacts;

	NetworkContactsController(NetworkContacts contacts) {
		this.contacts = contacts;
	}

	/** The row form as submitted. */
	record RowForm(@Nullable String asn, @Nullable String name, @Nullable String abuseEmail, @Nullable String organisation,
			@Nullable String note) {

		static RowForm empty() {
			return new RowForm("", "", "", "", "");
		}
	}

	@GetMapping
	String page(Model model) {
		return render(model, RowForm.empty(), Map.of());
	}

	@PostMapping
	String put(RowForm form, Model model, RedirectAttributes redirect, jakarta.servlet.http.HttpServletResponse response) {
		CallerContext caller = CallerContext.require();
		long asn;
		try {
			asn = Long.parseLong(form.asn() == null ? "" : form.asn().strip().replaceFirst("^(?i)as", ""));
		}
		catch (NumberFormatException e) {
			response.setStatus(org.springframework.http.HttpStatus.UNPROCESSABLE_CONTENT.value());
			return render(model, form, Map.of("asn", "hosting.validation.asn"));
		}
		try {
			contacts.put(caller, asn, new NetworkContacts.NetworkContactInput(form.name(), form.abuseEmail(), form.organisation(),
					form.note()));
		}
		catch (InvalidRequestException e) {
			response.setStatus(org.springframework.http.HttpStatus.UNPROCESSABLE_CONTENT.value());
			return render(model, form, e.fieldErrors());
		}
		redirect.addFlashAttribute("notice", "hosting.admin.saved");
		return "redirect:/admin/network-contacts";
	}

	@PostMapping("/{asn}/delete")
	String delete(@PathVariable long asn, RedirectAttributes redirect) {
		contacts.delete(CallerContext.require(), asn);
		redirect.addFlashAttribute("notice", "hosting.admin.deleted");
		return "redirect:/admin/network-contacts";
	}

	@PostMapping("/import")
	String importTable(@RequestParam("file") MultipartFile file, Model model, RedirectAttributes redirect) throws IOException {
		try (Reader reader = new InputStreamReader(file.getInputStream(), StandardCharsets.UTF_8)) {
			NetworkContacts.ImportSummary summary = contacts.importCsv(CallerContext.require(), reader);
			if (!summary.problems().isEmpty()) {
				model.addAttribute("importProblems", summary.rowProblems());
				return render(model, RowForm.empty(), Map.of());
			}
			redirect.addFlashAttribute("notice", "hosting.admin.imported");
			redirect.addFlashAttribute("imported", summary.stored());
			return "redirect:/admin/network-contacts";
		}
	}

	private String render(Model model, RowForm form, Map<String, String> errors) {
		model.addAttribute("contacts", contacts.list(CallerContext.require()));
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		model.addAttribute("limits", NetworkContacts.LIMITS);
		return "hosting/network-contacts";
	}
}
