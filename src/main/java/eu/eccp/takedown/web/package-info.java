@NullMarked
package eu.eccp.takedown.web;

import org.jspecify.annotations.NullMarked;
