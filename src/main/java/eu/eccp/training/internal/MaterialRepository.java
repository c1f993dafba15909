package eu.eccp.training.internal;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import eu.eccp.shared.SqlTimes;
import eu.eccp.shared.UserId;
import eu.eccp.training.CourseId;

@Repository
class MaterialRepository {

	private final JdbcClient jdbc;

	MaterialRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void insert(Material m, UserId by) {
		jdbc.sql("""
				INSERT INTO training_material (id, course_id, title, access, file_name, content_type, size, sha256, storage_key,
				  uploaded_by, uploaded_at)
				VALUES (:id, :course, :title, :access, :fileName, :type, :size, :sha, :key, :by, :at)""")
			.param("id", m.id()).param("course", m.course().value()).param("title", m.title())
			.param("access", m.access().name()).param("fileName", m.fileName()).param("type", m.contentType())
			.param("size", m.size()).param("sha", m.sha256()).param("key", m.storageKey()).param("by", by.value())
			.param("at", SqlTimes.at(m.uploadedAt()))
			.update();
	}

	Optional<Material> find(UUID id) {
		return jdbc.sql("SELECT * FROM training_material WHERE id = :id").param("id", id).query(MaterialRepository::material)
			.optional();
	}

	List<Material> ofCourse(CourseId course) {
		return jdbc.sql("SELECT * FROM training_material WHERE course_id = :course ORDER BY uploaded_at, id")
			.param("course", course.value()).query(MaterialRepository::material).list();
	}

	boolean delete(UUID id) {
		return jdbc.sql("DELETE FROM training_material WHERE id = :id").param("id", id).update() == 1;
	}

	static Material material(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
		return new Material(rs.getObject("id", UUID.class), new CourseId(rs.getObject("course_id", UUID.class)),
				rs.getString("title"), MaterialAccess.valueOf(rs.getString("access")), rs.getString("file_name"),
				rs.getString("content_type"), rs.getLong("size"), rs.getString("sha256"), rs.getString("storage_key"),
				SqlTimes.instant(rs, "uploaded_at"));
	}

}
