package eu.eccp.platform.web;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import eu.eccp.shared.CallerContext;

@Controller
class LoginController {

	private final boolean demoMode;

	LoginController(@Value("${eccp.demo:false}") boolean demoMode) {
		this.demoMode = demoMode;
	}

	@GetMapping("/login")
	String login(Model model) {
		if (CallerContext.current().isPresent()) {
			return "redirect:/";
		}
		model.addAttribute("demoMode", demoMode);
		return "login";
	}
}
