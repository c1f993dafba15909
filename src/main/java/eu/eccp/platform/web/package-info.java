@NullMarked
package eu.eccp.platform.web;

import org.jspecify.annotations.NullMarked;
